//! exit-code: ends with the exit code given as its argument (0-255), to show how a
//! WASI program's status reaches the host. Usage: exit-code N
const std = @import("std");

pub fn main(init: std.process.Init) !void {
    const io = init.io;
    const args = try init.minimal.args.toSlice(init.arena.allocator());

    const text = if (args.len > 1) args[1] else "0";
    const code = std.fmt.parseInt(u8, text, 10) catch {
        var buffer: [128]u8 = undefined;
        var stderr = std.Io.File.stderr().writerStreaming(io, &buffer);
        try stderr.interface.print("exit-code: \"{s}\" is not a number from 0 to 255\n", .{text});
        try stderr.interface.flush();
        std.process.exit(255);
    };
    var buffer: [64]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(io, &buffer);
    try stdout.interface.print("exiting with code {d}\n", .{code});
    try stdout.interface.flush(); // exit does not flush for you
    // #region exit
    // Becomes the WASI call proc_exit(code).
    std.process.exit(code);
    // #endregion exit
}
