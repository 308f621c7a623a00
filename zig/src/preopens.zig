//! preopens: lists the directory the host preopened as "in" (fd_readdir) and writes
//! that listing into the one preopened as "out".
//! Usage: preopens [FILE] (a path in "out", default listing.txt). Exit code 2 when a
//! preopen is missing or the file cannot be written.
const std = @import("std");

fn lessThan(_: void, a: []const u8, b: []const u8) bool {
    return std.mem.lessThan(u8, a, b);
}

pub fn main() !u8 {
    var arena = std.heap.ArenaAllocator.init(std.heap.page_allocator);
    defer arena.deinit();
    const gpa = arena.allocator();
    const stderr = std.io.getStdErr().writer();
    const args = try std.process.argsAlloc(gpa);
    const file = if (args.len > 1) args[1] else "listing.txt";

    // #region preopens
    // The host names each directory it preopens; the program looks them up by name.
    const preopens = try std.fs.wasi.preopensAlloc(gpa);
    const in_fd = preopens.find("in") orelse return missing(stderr, "in");
    const out_fd = preopens.find("out") orelse return missing(stderr, "out");
    const in = std.fs.IterableDir{ .dir = .{ .fd = in_fd } };
    const out = std.fs.Dir{ .fd = out_fd };

    // fd_readdir gives entries in the host's order: sort them.
    var lines = std.ArrayList([]const u8).init(gpa);
    var it = in.iterate();
    while (try it.next()) |e| {
        const slash = if (e.kind == .directory) "/" else "";
        const line = try std.fmt.allocPrint(gpa, "{s}{s}\n", .{ e.name, slash });
        try lines.append(line);
    }
    std.mem.sort([]const u8, lines.items, {}, lessThan);

    const listing = try std.mem.concat(gpa, u8, lines.items);
    if (std.fs.path.dirname(file)) |parent|
        out.makePath(parent) catch |err| return failed(stderr, parent, err);
    out.writeFile(file, listing) catch |err| return failed(stderr, file, err);
    // #endregion preopens
    try std.io.getStdOut().writer().print("{d} entries in \"in\", listed in \"out\" as {s}\n", .{ lines.items.len, file });
    return 0;
}

fn missing(stderr: anytype, name: []const u8) !u8 {
    try stderr.print("preopens: no preopened directory named \"{s}\"\n", .{name});
    return 2;
}

fn failed(stderr: anytype, path: []const u8, err: anyerror) !u8 {
    try stderr.print("preopens: cannot write {s}: {s}\n", .{ path, @errorName(err) });
    return 2;
}
