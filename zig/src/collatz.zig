//! collatz: the command twin of reactor.zig. It computes the same function, but as a
//! command: the host instantiates it and runs `_start` for every request, and the
//! answer comes back on stdout.
//!
//!   collatz 27   prints   collatz(27) = 111 steps
const std = @import("std");
const reactor = @import("reactor.zig");

pub fn main(init: std.process.Init) !void {
    const args = try init.minimal.args.toSlice(init.arena.allocator());
    const start = if (args.len > 1) try std.fmt.parseInt(u32, args[1], 10) else 27;
    var buffer: [64]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(init.io, &buffer);
    try stdout.interface.print("collatz({d}) = {d} steps\n", .{ start, reactor.collatz(start) });
    try stdout.interface.flush();
}
