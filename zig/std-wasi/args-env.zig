//! Arguments and environment variables, from `init` (args_get, environ_get).
const std = @import("std");

pub fn main(init: std.process.Init) !void {
    var buffer: [512]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(init.io, &buffer);
    const out = &stdout.interface;

    const args = try init.minimal.args.toSlice(init.arena.allocator());
    for (args[1..], 1..) |arg, i| try out.print("argv[{d}] = {s}\n", .{ i, arg });
    try out.print("GREETING = {s}\n", .{init.environ_map.get("GREETING") orelse "(not set)"});
    try out.print("HOME = {s}\n", .{init.environ_map.get("HOME") orelse "(not set)"});
    try out.flush();
}
