//! flood: writes BYTES bytes of text to stdout (default 50 MiB), to show what a
//! host does with more output than it wants. Usage: flood [BYTES]
const std = @import("std");

pub fn main() !u8 {
    var buf: [4096]u8 = undefined;
    var fba = std.heap.FixedBufferAllocator.init(&buf);
    const args = try std.process.argsAlloc(fba.allocator());
    const total = if (args.len > 1) std.fmt.parseInt(u64, args[1], 10) catch {
        try std.io.getStdErr().writeAll("usage: flood [BYTES]\n");
        return 2;
    } else 50 * 1024 * 1024;

    const line = "all work and no play makes zig a dull language\n";
    var out = std.io.bufferedWriter(std.io.getStdOut().writer());
    var written: u64 = 0;
    while (written < total) {
        const n = @min(line.len, total - written);
        try out.writer().writeAll(line[0..n]);
        written += n;
    }
    try out.flush();
    return 0;
}
