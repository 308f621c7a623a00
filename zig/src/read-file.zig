//! read-file: prints a file from the directory the host preopened (WASI has no other way in).
//! Usage: read-file PATH. Exit code 2 when the file cannot be read.
const std = @import("std");

pub fn main(init: std.process.Init) !u8 {
    const io = init.io;
    const args = try init.minimal.args.toSlice(init.arena.allocator());
    if (args.len != 2) {
        try std.Io.File.stderr().writeStreamingAll(io, "usage: read-file PATH\n");
        return 2;
    }
    const path = args[1];

    // #region read-file
    // On WASI, cwd() is the host's first preopen (fd 3).
    const dir = std.Io.Dir.cwd();
    const max = 1024 * 1024;
    const contents = dir.readFileAlloc(io, path, init.gpa, .limited(max)) catch |err| {
        var buffer: [256]u8 = undefined;
        var stderr = std.Io.File.stderr().writerStreaming(io, &buffer);
        try stderr.interface.print("read-file: cannot read {s}: {t}\n", .{ path, err });
        try stderr.interface.flush();
        return 2;
    };
    // #endregion read-file
    try std.Io.File.stdout().writeStreamingAll(io, contents);
    return 0;
}
