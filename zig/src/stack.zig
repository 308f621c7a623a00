//! stack: puts a buffer of 512 KiB or 2 MiB on the stack ("small" or "big").
//! The wasm32-wasi stack is 1 MiB unless the build says otherwise (--stack N),
//! so "big" runs off its end: a trap, "memory access out of bounds".
const std = @import("std");

pub fn main(init: std.process.Init) !void {
    const args = try init.minimal.args.toSlice(init.arena.allocator());
    const big = args.len > 1 and std.mem.eql(u8, args[1], "big");
    const used = if (big) fill(2 * 1024 * 1024) else fill(512 * 1024);
    var buffer: [64]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(init.io, &buffer);
    try stdout.interface.print("used {d} KiB of stack\n", .{used / 1024});
    try stdout.interface.flush();
}

// #region stack
noinline fn fill(comptime size: usize) usize {
    var local: [size]u8 = undefined; // on the stack
    @memset(&local, 0xAA);
    std.mem.doNotOptimizeAway(&local);
    return local.len;
}
// #endregion stack
