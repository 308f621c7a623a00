//! stack: puts a buffer of 512 KiB or 32 MiB on the stack ("small" or "big").
//! Zig gives a wasm32-wasi program a 16 MiB stack unless the build says otherwise
//! (--stack N), at the bottom of its memory, so "big" runs off its end, below
//! address 0: a trap, "memory access out of bounds".
const std = @import("std");

pub fn main(init: std.process.Init) !void {
    const args = try init.minimal.args.toSlice(init.arena.allocator());
    const big = args.len > 1 and std.mem.eql(u8, args[1], "big");
    const used = if (big) fill(32 * 1024 * 1024) else fill(512 * 1024);
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
