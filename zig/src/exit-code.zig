//! exit-code: ends with the exit code given as its argument (0-255), to show how a
//! WASI program's status reaches the host. Usage: exit-code N
const std = @import("std");

pub fn main() !void {
    var buf: [4096]u8 = undefined;
    var fba = std.heap.FixedBufferAllocator.init(&buf);
    const args = try std.process.argsAlloc(fba.allocator());
    const stderr = std.io.getStdErr().writer();

    const text = if (args.len > 1) args[1] else "0";
    const code = std.fmt.parseInt(u8, text, 10) catch {
        try stderr.print("exit-code: \"{s}\" is not a number from 0 to 255\n", .{text});
        std.process.exit(255);
    };
    try std.io.getStdOut().writer().print("exiting with code {d}\n", .{code});
    // #region exit
    // Becomes the WASI call proc_exit(code).
    std.process.exit(code);
    // #endregion exit
}
