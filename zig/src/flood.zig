//! flood: writes BYTES bytes of text to stdout (default 50 MiB), to show what a
//! host does with more output than it wants. Usage: flood [BYTES]
const std = @import("std");

pub fn main(init: std.process.Init) !u8 {
    const io = init.io;
    const args = try init.minimal.args.toSlice(init.arena.allocator());
    const total = if (args.len > 1) std.fmt.parseInt(u64, args[1], 10) catch {
        try std.Io.File.stderr().writeStreamingAll(io, "usage: flood [BYTES]\n");
        return 2;
    } else 50 * 1024 * 1024;

    const line = "all work and no play makes zig a dull language\n";
    var buffer: [4096]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(io, &buffer);
    const out = &stdout.interface;
    var written: u64 = 0;
    while (written < total) {
        const n = @min(line.len, total - written);
        try out.writeAll(line[0..n]);
        written += n;
    }
    try out.flush();
    return 0;
}
