//! wasi-env: prints what WASI hands a program at start: its arguments and its environment.
const std = @import("std");

pub fn main() !void {
    var arena = std.heap.ArenaAllocator.init(std.heap.page_allocator);
    defer arena.deinit();
    const gpa = arena.allocator();

    var out = std.io.bufferedWriter(std.io.getStdOut().writer());
    const w = out.writer();

    // #region args-env
    const args = try std.process.argsAlloc(gpa);
    try w.print("{d} argument(s)\n", .{args.len});
    for (args, 0..) |arg, i|
        try w.print("  argv[{d}] = {s}\n", .{ i, arg });

    var env = try std.process.getEnvMap(gpa);
    const n = env.count();
    try w.print("{d} environment variable(s)\n", .{n});
    // #endregion args-env

    // Sorted, so every runtime prints the same bytes.
    const names = try gpa.alloc([]const u8, n);
    var it = env.iterator();
    var i: usize = 0;
    while (it.next()) |entry| : (i += 1) names[i] = entry.key_ptr.*;
    std.mem.sort([]const u8, names, {}, lessThan);
    for (names) |name| try w.print("  {s}={s}\n", .{ name, env.get(name).? });
    try out.flush();
}

fn lessThan(_: void, a: []const u8, b: []const u8) bool {
    return std.mem.lessThan(u8, a, b);
}
