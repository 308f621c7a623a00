//! read-file: prints a file from the directory the host preopened (WASI has no other way in).
//! Usage: read-file PATH. Exit code 2 when the file cannot be read.
const std = @import("std");

pub fn main() !u8 {
    var arena = std.heap.ArenaAllocator.init(std.heap.page_allocator);
    defer arena.deinit();
    const gpa = arena.allocator();
    const stderr = std.io.getStdErr().writer();

    const args = try std.process.argsAlloc(gpa);
    if (args.len != 2) {
        try stderr.writeAll("usage: read-file PATH\n");
        return 2;
    }
    const path = args[1];

    // #region read-file
    // On WASI, cwd() is the host's first preopen (fd 3).
    const dir = std.fs.cwd();
    const max = 1024 * 1024;
    const contents = dir.readFileAlloc(gpa, path, max) catch |err| {
        const name = @errorName(err);
        try stderr.print("read-file: cannot read {s}: {s}\n", .{ path, name });
        return 2;
    };
    // #endregion read-file
    try std.io.getStdOut().writeAll(contents);
    return 0;
}
