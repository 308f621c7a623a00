//! preopens: lists the directory the host preopened as "in" (fd_readdir) and writes
//! that listing into the one preopened as "out".
//! Usage: preopens [FILE] (a path in "out", default listing.txt). Exit code 2 when a
//! preopen is missing or the file cannot be written.
const std = @import("std");

fn lessThan(_: void, a: []const u8, b: []const u8) bool {
    return std.mem.lessThan(u8, a, b);
}

pub fn main(init: std.process.Init) !u8 {
    const io = init.io;
    const gpa = init.arena.allocator();
    var buffer: [256]u8 = undefined;
    var stderr_writer = std.Io.File.stderr().writerStreaming(io, &buffer);
    const stderr = &stderr_writer.interface;
    const args = try init.minimal.args.toSlice(gpa);
    const file = if (args.len > 1) args[1] else "listing.txt";

    // #region preopens
    // The host names each directory it preopens; `init` has looked them up.
    const in = dirNamed(init.preopens, "in") orelse return missing(stderr, "in");
    const out = dirNamed(init.preopens, "out") orelse return missing(stderr, "out");

    // fd_readdir gives entries in the host's order: sort them.
    var lines: std.ArrayList([]const u8) = .empty;
    var it = in.iterate();
    while (try it.next(io)) |e| {
        const slash = if (e.kind == .directory) "/" else "";
        const line = try std.fmt.allocPrint(gpa, "{s}{s}\n", .{ e.name, slash });
        try lines.append(gpa, line);
    }
    std.mem.sort([]const u8, lines.items, {}, lessThan);

    const listing = try std.mem.concat(gpa, u8, lines.items);
    if (std.fs.path.dirname(file)) |parent|
        out.createDirPath(io, parent) catch |err| return failed(stderr, parent, err);
    out.writeFile(io, .{ .sub_path = file, .data = listing }) catch |err|
        return failed(stderr, file, err);
    // #endregion preopens
    var out_buffer: [128]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(io, &out_buffer);
    try stdout.interface.print("{d} entries in \"in\", listed in \"out\" as {s}\n", .{ lines.items.len, file });
    try stdout.interface.flush();
    return 0;
}

fn dirNamed(preopens: std.process.Preopens, name: []const u8) ?std.Io.Dir {
    return switch (preopens.get(name) orelse return null) {
        .dir => |dir| dir,
        .file => null,
    };
}

fn missing(stderr: *std.Io.Writer, name: []const u8) !u8 {
    try stderr.print("preopens: no preopened directory named \"{s}\"\n", .{name});
    try stderr.flush();
    return 2;
}

fn failed(stderr: *std.Io.Writer, path: []const u8, err: anyerror) !u8 {
    try stderr.print("preopens: cannot write {s}: {t}\n", .{ path, err });
    try stderr.flush();
    return 2;
}
