//! wasi-env: prints what WASI hands a program at start: its arguments and its environment.
const std = @import("std");

pub fn main(init: std.process.Init) !void {
    const arena = init.arena.allocator();
    var buffer: [4096]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(init.io, &buffer);
    const w = &stdout.interface;

    // #region args-env
    const args = try init.minimal.args.toSlice(arena);
    try w.print("{d} argument(s)\n", .{args.len});
    for (args, 0..) |arg, i|
        try w.print("  argv[{d}] = {s}\n", .{ i, arg });

    const env = init.environ_map; // read at start
    try w.print("{d} environment variable(s)\n", .{env.count()});
    // #endregion args-env

    // Sorted, so every runtime prints the same bytes.
    const names = try arena.dupe([]const u8, env.keys());
    std.mem.sort([]const u8, names, {}, lessThan);
    for (names) |name| try w.print("  {s}={s}\n", .{ name, env.get(name).? });
    try w.flush();
}

fn lessThan(_: void, a: []const u8, b: []const u8) bool {
    return std.mem.lessThan(u8, a, b);
}
