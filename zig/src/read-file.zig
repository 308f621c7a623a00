//! read-file: prints a file from the directory the host preopened (WASI has no other way in).
//! Usage: read-file PATH. Exit code 2 when the file cannot be read.
const std = @import("std");

pub fn main() !u8 {
    var arena = std.heap.ArenaAllocator.init(std.heap.page_allocator);
    defer arena.deinit();
    const allocator = arena.allocator();
    const stderr = std.io.getStdErr().writer();

    const args = try std.process.argsAlloc(allocator);
    if (args.len != 2) {
        try stderr.writeAll("usage: read-file PATH\n");
        return 2;
    }
    const path = args[1];

    // #region read-file
    // On WASI, cwd() is the first directory the host preopened (fd 3).
    const contents = std.fs.cwd().readFileAlloc(allocator, path, 1024 * 1024) catch |err| {
        try stderr.print("read-file: cannot read {s}: {s}\n", .{ path, @errorName(err) });
        return 2;
    };
    // #endregion read-file
    try std.io.getStdOut().writeAll(contents);
    return 0;
}
