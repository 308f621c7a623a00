//! Files and directories under the preopen named "work", through `init.preopens` and `io`.
const std = @import("std");

pub fn main(init: std.process.Init) !void {
    const io = init.io;
    var buffer: [512]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(io, &buffer);
    const out = &stdout.interface;

    const work = switch (init.preopens.get("work") orelse return error.NoWorkPreopen) {
        .dir => |dir| dir,
        .file => return error.NoWorkPreopen,
    };
    try work.createDirPath(io, "notes/2026");
    try work.writeFile(io, .{ .sub_path = "notes/2026/hello.txt", .data = "hello from wasm32-wasi\n" });
    const back = try work.readFileAlloc(io, "notes/2026/hello.txt", init.gpa, .limited(4096));
    try out.print("wrote and read back {d} bytes: {s}", .{ back.len, back });
    const stat = try work.statFile(io, "notes/2026/hello.txt", .{});
    try out.print("stat: {t}, {d} bytes\n", .{ stat.kind, stat.size });

    var notes = try work.openDir(io, "notes", .{ .iterate = true });
    defer notes.close(io);
    var it = notes.iterate();
    while (try it.next(io)) |entry| try out.print("notes/ holds {s} ({t})\n", .{ entry.name, entry.kind });

    try work.deleteFile(io, "notes/2026/hello.txt");
    const gone = work.statFile(io, "notes/2026/hello.txt", .{});
    try out.print("after deleteFile: {s}\n", .{if (gone) |_| "still there" else |err| @errorName(err)});
    try out.flush();
}
