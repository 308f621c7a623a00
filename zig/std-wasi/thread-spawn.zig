//! A thread: `std.Thread.spawn`.
const std = @import("std");

var counter: std.atomic.Value(u32) = .init(0);

fn work() void {
    _ = counter.fetchAdd(1, .seq_cst);
}

pub fn main(init: std.process.Init) !void {
    const thread = try std.Thread.spawn(.{}, work, .{});
    thread.join();
    var buffer: [64]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(init.io, &buffer);
    try stdout.interface.print("counter = {d}\n", .{counter.load(.seq_cst)});
    try stdout.interface.flush();
}
