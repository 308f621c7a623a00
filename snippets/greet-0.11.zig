//! greet: the program to edit live on the slides. Change the greeting, press Run.
const std = @import("std");

const greeting = "Hello";

pub fn main() !void {
    const out = std.io.getStdOut().writer();
    const runtimes = [_][]const u8{ "Node", "Deno", "Bun", "workerd", "you" };
    for (runtimes) |name| {
        try out.print("{s}, {s}!\n", .{ greeting, name });
    }
}
