//! collatz: the command twin of reactor.zig. It computes the same function, but as a
//! command: the host instantiates it and runs `_start` for every request, and the
//! answer comes back on stdout.
//!
//!   collatz 27   prints   collatz(27) = 111 steps
const std = @import("std");
const reactor = @import("reactor.zig");

pub fn main() !void {
    var buffer: [256]u8 = undefined;
    var fba = std.heap.FixedBufferAllocator.init(&buffer);
    const args = try std.process.argsAlloc(fba.allocator());
    const start = if (args.len > 1) try std.fmt.parseInt(u32, args[1], 10) else 27;
    try std.io.getStdOut().writer().print("collatz({d}) = {d} steps\n", .{ start, reactor.collatz(start) });
}
