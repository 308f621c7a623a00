//! A child process: `std.process.spawn`.
const std = @import("std");

pub fn main(init: std.process.Init) !void {
    const io = init.io;
    var child = try std.process.spawn(io, .{ .argv = &.{ "echo", "hello" } });
    _ = try child.wait(io);
    try std.Io.File.stdout().writeStreamingAll(io, "spawned\n");
}
