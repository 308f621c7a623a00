//! zig-check: Zig's own front end, from Zig's std, on one source file.
//!
//!     zig-check check < file.zig   the errors `zig ast-check` reports
//!     zig-check fmt   < file.zig   the file as `zig fmt` writes it
//!
//! `check` parses with std.zig.Ast, lowers to ZIR with std.zig.AstGen (which
//! reports what the compiler finds before types: unused locals and parameters,
//! undeclared identifiers, shadowing, ...) and collects the messages in a
//! std.zig.ErrorBundle, as the compiler does. Type errors come from Sema, which
//! is in the compiler, not in std: they are not found here.
//!
//! Output, one message a line, a note after its error, every field
//! tab-separated (line and column count from 1, columns in bytes, as the
//! compiler prints them; start, main and end are byte offsets of the span):
//!
//!     error<TAB>line<TAB>column<TAB>start<TAB>main<TAB>end<TAB>message
//!     note<TAB>line<TAB>column<TAB>start<TAB>main<TAB>end<TAB>message
//!
//! In a message, a backslash, a tab and a newline are written `\\`, `\t` and
//! `\n`. Exit code 0: no error; 1: errors (for `fmt`: syntax errors, listed as
//! above, and no source); 2: not checked, with one line `fatal<TAB>why`.
const std = @import("std");
const Ast = std.zig.Ast;
const AstGen = std.zig.AstGen;
const ErrorBundle = std.zig.ErrorBundle;
const Io = std.Io;

/// Largest source checked. The page sends an editor's text; a file this big
/// is not one a reader typed.
pub const max_source_bytes = 4 * 1024 * 1024;

/// Deepest nesting of brackets checked: std's parser and AstGen recurse once
/// per level, and the wasm stack (see build.zig) holds this many with room.
pub const max_nesting = 1000;

const Mode = enum { check, fmt };

pub fn main(init: std.process.Init) !u8 {
    // Streaming: stdout is a pipe or the page's console, where positional writes fail.
    var out_buffer: [4096]u8 = undefined;
    var out_file: Io.File.Writer = .initStreaming(.stdout(), init.io, &out_buffer);
    const exit_code = try run(init, &out_file.interface);
    try out_file.interface.flush();
    return exit_code;
}

fn run(init: std.process.Init, out: *Io.Writer) !u8 {
    const io = init.io;
    // Everything lives until the process exits: one arena, never freed piecemeal.
    const gpa = init.arena.allocator();

    const args = try init.minimal.args.toSlice(gpa);
    const mode = (if (args.len == 2) std.meta.stringToEnum(Mode, args[1]) else null) orelse
        return fatal(out, "usage: zig-check check|fmt < file.zig", .{});

    var in_buffer: [4096]u8 = undefined;
    var in_file: Io.File.Reader = .initStreaming(.stdin(), io, &in_buffer);
    const source = std.zig.readSourceFileToEndAlloc(gpa, &in_file) catch |err| switch (err) {
        error.UnsupportedEncoding, error.InvalidEncoding => return fatal(out, "the source is not UTF-8 (a UTF-16 or UTF-32 byte order mark)", .{}),
        else => |e| return e,
    };
    if (source.len > max_source_bytes)
        return fatal(out, "the source has {d} bytes: more than the {d} checked here", .{ source.len, max_source_bytes });
    if (deepestNesting(source) > max_nesting)
        return fatal(out, "brackets nest more than {d} levels deep: not checked here", .{max_nesting});

    var tree = try Ast.parse(gpa, source, .{});
    defer tree.deinit(gpa);

    if (mode == .fmt and tree.errors.len == 0) {
        try tree.render(gpa, out, .{});
        return 0;
    }
    if (mode == .check or tree.errors.len != 0) {
        // With syntax errors AstGen lowers only those (the first, and its notes), as the compiler does.
        var zir = try AstGen.generate(gpa, tree);
        defer zir.deinit(gpa);
        if (!zir.hasCompileErrors()) return 0;

        var wip: ErrorBundle.Wip = try .init(gpa);
        defer wip.deinit();
        try wip.addZirErrorMessages(zir, tree, source, "<stdin>");
        var bundle = try wip.toOwnedBundle("");
        defer bundle.deinit(gpa);
        for (bundle.getMessages()) |message| {
            try writeMessage(out, bundle, message, "error");
            for (bundle.getNotes(message)) |note| try writeMessage(out, bundle, note, "note");
        }
        return 1;
    }
    unreachable;
}

fn writeMessage(out: *Io.Writer, bundle: ErrorBundle, index: ErrorBundle.MessageIndex, kind: []const u8) !void {
    const message = bundle.getErrorMessage(index);
    const at = bundle.getSourceLocation(message.src_loc);
    try out.print("{s}\t{d}\t{d}\t{d}\t{d}\t{d}\t", .{
        kind, at.line + 1, at.column + 1, at.span_start, at.span_main, at.span_end,
    });
    for (bundle.nullTerminatedString(message.msg)) |c| switch (c) {
        '\\' => try out.writeAll("\\\\"),
        '\t' => try out.writeAll("\\t"),
        '\n' => try out.writeAll("\\n"),
        else => try out.writeByte(c),
    };
    try out.writeByte('\n');
}

fn fatal(out: *Io.Writer, comptime format: []const u8, args: anytype) !u8 {
    try out.print("fatal\t" ++ format ++ "\n", args);
    return 2;
}

/// How deep `(`, `[` and `{` nest, ignoring those in comments, strings and
/// character literals. A rough count, only to keep the recursion bounded.
fn deepestNesting(source: []const u8) usize {
    var depth: usize = 0;
    var deepest: usize = 0;
    var i: usize = 0;
    while (i < source.len) : (i += 1) {
        switch (source[i]) {
            '(', '[', '{' => {
                depth += 1;
                deepest = @max(deepest, depth);
            },
            ')', ']', '}' => depth -|= 1,
            '/' => if (i + 1 < source.len and source[i + 1] == '/') {
                i = std.mem.indexOfScalarPos(u8, source, i, '\n') orelse source.len;
            },
            '\\' => if (i + 1 < source.len and source[i + 1] == '\\') {
                i = std.mem.indexOfScalarPos(u8, source, i, '\n') orelse source.len;
            },
            '"', '\'' => |quote| {
                i += 1;
                while (i < source.len and source[i] != quote and source[i] != '\n') : (i += 1) {
                    if (source[i] == '\\') i += 1;
                }
            },
            else => {},
        }
    }
    return deepest;
}
