//! panic: reads an index from stdin and looks it up in a 3-item array with Zig's
//! safety checks on. A bad index panics: the message goes to stderr, then the
//! module traps (`unreachable`), which the host sees as a crash, not an exit code.
//! With the argument "trap" it executes @trap() directly: no message at all.
const std = @import("std");

const planets = [_][]const u8{ "Mercury", "Venus", "Earth" };

pub fn main(init: std.process.Init) !void {
    const io = init.io;
    const args = try init.minimal.args.toSlice(init.arena.allocator());
    if (args.len > 1 and std.mem.eql(u8, args[1], "trap")) @trap();

    var input: [32]u8 = undefined;
    var stdin = std.Io.File.stdin().readerStreaming(io, &.{});
    const n = try stdin.interface.readSliceShort(&input);
    const text = std.mem.trim(u8, input[0..n], " \r\n\t");
    const index = std.fmt.parseInt(usize, text, 10) catch 99;
    var buffer: [64]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(io, &buffer);
    try stdout.interface.print("planet #{d} is {s}\n", .{ index, lookup(index) });
    try stdout.interface.flush();
}

/// Zig calls this on a failed safety check. Writing the message and trapping is
/// what the default handler does too; here it is spelled out, with a newline.
pub const panic = std.debug.FullPanic(struct {
    fn panic(msg: []const u8, _: ?usize) noreturn {
        std.debug.print("panic: {s}\n", .{msg});
        @trap();
    }
}.panic);

// #region bounds-check
fn lookup(index: usize) []const u8 {
    // ReleaseSmall drops safety checks unless asked.
    @setRuntimeSafety(true);
    // Index 3 and up: "index out of bounds" panic.
    return planets[index];
}
// #endregion bounds-check
