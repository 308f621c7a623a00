//! clock-random: the parts of Zig's std that WASI gives a program beyond stdin and stdout.
//!
//! Reads the wall clock and the monotonic clock (both `clock_time_get`), draws random
//! numbers through the `std.Io` it is given (seeded by `random_get`), and prints what
//! the compiler says about threads on this target. Example output (the numbers change):
//!
//!   UTC now: 2026-11-26 07:12:09
//!   random u64: 0x3f9c0b1a5e7d2c44, a die: 5
//!   timed with the monotonic clock: 1480 ns
//!   builtin.single_threaded = true
const std = @import("std");
const builtin = @import("builtin");

pub fn main(init: std.process.Init) !void {
    const io = init.io;
    // #region clock-random
    const start = std.Io.Clock.Timestamp.now(io, .awake);
    const now = std.Io.Clock.real.now(io).toSeconds(); // wall clock
    const source: std.Random.IoSource = .{ .io = io }; // random_get
    const random = source.interface();
    const word = random.int(u64);
    const die = random.intRangeAtMost(u8, 1, 6);
    const elapsed = start.untilNow(io); // monotonic
    // #endregion clock-random

    var buffer: [256]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(io, &buffer);
    const out = &stdout.interface;
    const day = std.time.epoch.EpochSeconds{ .secs = @intCast(now) };
    const year_day = day.getEpochDay().calculateYearDay();
    const month_day = year_day.calculateMonthDay();
    const secs = day.getDaySeconds();
    try out.print("UTC now: {d}-{d:0>2}-{d:0>2} {d:0>2}:{d:0>2}:{d:0>2}\n", .{
        year_day.year,          month_day.month.numeric(), month_day.day_index + 1,
        secs.getHoursIntoDay(), secs.getMinutesIntoHour(), secs.getSecondsIntoMinute(),
    });
    try out.print("random u64: 0x{x:0>16}, a die: {d}\n", .{ word, die });
    try out.print("timed with the monotonic clock: {d} ns\n", .{elapsed.raw.nanoseconds});
    // std.Thread.spawn is a compile error when this is true, and on wasm32-wasi it is.
    try out.print("builtin.single_threaded = {}\n", .{builtin.single_threaded});
    try out.flush();
}
