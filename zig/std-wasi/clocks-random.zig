//! Clocks and randomness through `std.Io` (clock_time_get, poll_oneoff, random_get).
//! Prints facts, not values, so every run prints the same bytes.
const std = @import("std");

pub fn main(init: std.process.Init) !void {
    const io = init.io;
    var buffer: [512]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(io, &buffer);
    const out = &stdout.interface;

    const year_2025 = 1_735_689_600; // 2025-01-01T00:00:00Z
    try out.print("real clock after 2025: {}\n", .{std.Io.Clock.real.now(io).toSeconds() > year_2025});

    const start = std.Io.Clock.Timestamp.now(io, .awake);
    try io.sleep(.fromMilliseconds(5), .awake);
    const slept = start.untilNow(io).raw.toMilliseconds();
    try out.print("sleep 5 ms on the awake clock: at least 5 ms passed: {}\n", .{slept >= 5});

    var bytes: [32]u8 = @splat(0);
    io.random(&bytes);
    try out.print("io.random: 32 bytes, not all zero: {}\n", .{!std.mem.allEqual(u8, &bytes, 0)});
    @memset(&bytes, 0);
    try io.randomSecure(&bytes);
    try out.print("io.randomSecure: 32 bytes, not all zero: {}\n", .{!std.mem.allEqual(u8, &bytes, 0)});
    try out.flush();
}
