//! A TCP connection: `std.Io.net`.
const std = @import("std");

pub fn main(init: std.process.Init) !void {
    const io = init.io;
    const address = try std.Io.net.IpAddress.parse("127.0.0.1", 80);
    const stream = try address.connect(io, .{ .mode = .stream });
    defer stream.close(io);
    try std.Io.File.stdout().writeStreamingAll(io, "connected\n");
}
