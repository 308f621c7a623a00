//! `std.Io.Threaded` on single-threaded wasm32-wasi: `io.async` runs the function at
//! once, on the caller's stack; `io.concurrent` cannot run anything at the same time.
const std = @import("std");
const builtin = @import("builtin");

fn square(x: u64) u64 {
    return x * x;
}

var total: u64 = 0;

fn add(x: u64) void {
    total += x;
}

pub fn main(init: std.process.Init) !void {
    const io = init.io;
    var buffer: [512]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(io, &buffer);
    const out = &stdout.interface;

    try out.print("builtin.single_threaded = {}\n", .{builtin.single_threaded});
    var a = io.async(square, .{7});
    var b = io.async(square, .{8});
    try out.print("io.async, then await: {d} and {d}\n", .{ a.await(io), b.await(io) });

    var group: std.Io.Group = .init;
    group.async(io, add, .{9});
    group.async(io, add, .{10});
    try group.await(io);
    try out.print("std.Io.Group.async twice, then await: total {d}\n", .{total});

    if (io.concurrent(square, .{10})) |future| {
        var f = future;
        try out.print("io.concurrent: {d}\n", .{f.await(io)});
    } else |err| try out.print("io.concurrent: error.{t}\n", .{err});
    try out.flush();
}
