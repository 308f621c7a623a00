//! panic: reads an index from stdin and looks it up in a 3-item array with Zig's
//! safety checks on. A bad index panics: the message goes to stderr, then the
//! module traps (`unreachable`), which the host sees as a crash, not an exit code.
//! With the argument "trap" it executes @trap() directly: no message at all.
const std = @import("std");

const planets = [_][]const u8{ "Mercury", "Venus", "Earth" };

pub fn main() !void {
    var buf: [4096]u8 = undefined;
    var fba = std.heap.FixedBufferAllocator.init(&buf);
    const args = try std.process.argsAlloc(fba.allocator());
    if (args.len > 1 and std.mem.eql(u8, args[1], "trap")) @trap();

    var input: [32]u8 = undefined;
    const n = try std.io.getStdIn().readAll(&input);
    const text = std.mem.trim(u8, input[0..n], " \r\n\t");
    const index = std.fmt.parseInt(usize, text, 10) catch 99;
    try std.io.getStdOut().writer().print("planet #{d} is {s}\n", .{ index, lookup(index) });
}

/// Zig calls this on a failed safety check. Writing the message and trapping is
/// what the default handler does too; here it is spelled out, with a newline.
pub fn panic(msg: []const u8, _: ?*std.builtin.StackTrace, _: ?usize) noreturn {
    std.io.getStdErr().writer().print("panic: {s}\n", .{msg}) catch {};
    @trap();
}

// #region bounds-check
fn lookup(index: usize) []const u8 {
    // ReleaseSmall drops safety checks unless asked.
    @setRuntimeSafety(true);
    // Index 3 and up: "index out of bounds" panic.
    return planets[index];
}
// #endregion bounds-check
