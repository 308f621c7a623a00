//! greet: the program to edit live on the slides. Change the greeting, press Run.
const std = @import("std");

const greeting = "Hello";

pub fn main(init: std.process.Init) !void {
    var buffer: [256]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(init.io, &buffer);
    const out = &stdout.interface;
    const runtimes = [_][]const u8{ "Node", "Deno", "Bun", "workerd", "you" };
    for (runtimes) |name| {
        try out.print("{s}, {s}!\n", .{ greeting, name });
    }
    try out.flush();
}
