//! demo: turns text upside down.
//!
//! Reads all of stdin as UTF-8 and writes it rotated by 180 degrees: the last
//! line comes first, every line is reversed, and each character is swapped for
//! its upside-down look-alike ("Hello, Zig!" becomes "¡ƃᴉZ 'ollǝH").
//! Flipping twice gives the original text back for every character in the table.
//! Input that is not valid UTF-8 is reported on stderr with exit code 1.
const std = @import("std");

// #region flip-table
/// Pairs of characters that look like each other turned upside down.
/// Each pair works both ways, so flipping twice is the identity.
const pairs = [_][2]u21{
    .{ 'a', 'ɐ' },  .{ 'b', 'q' },   .{ 'c', 'ɔ' },  .{ 'd', 'p' },   .{ 'e', 'ǝ' },
    .{ 'f', 'ɟ' },  .{ 'g', 'ƃ' },  .{ 'h', 'ɥ' },  .{ 'i', 'ᴉ' }, .{ 'j', 'ɾ' },
    .{ 'k', 'ʞ' },  .{ 'm', 'ɯ' },  .{ 'n', 'u' },   .{ 'r', 'ɹ' },  .{ 't', 'ʇ' },
    .{ 'v', 'ʌ' },  .{ 'w', 'ʍ' },  .{ 'y', 'ʎ' },  .{ 'A', '∀' }, .{ 'C', 'Ɔ' },
    .{ 'E', 'Ǝ' },  .{ 'F', 'Ⅎ' }, .{ 'G', '⅁' }, .{ 'J', 'ſ' },  .{ 'L', '⅂' },
    .{ 'M', 'W' },   .{ 'P', 'Ԁ' },  .{ 'R', 'ᴚ' }, .{ 'T', '⊥' }, .{ 'U', '∩' },
    .{ 'V', 'Λ' },  .{ 'Y', '⅄' }, .{ '1', 'Ɩ' },  .{ '2', 'ᄅ' }, .{ '3', 'Ɛ' },
    .{ '4', 'ㄣ' }, .{ '5', 'ϛ' },  .{ '6', '9' },   .{ '7', 'ㄥ' }, .{ '.', '˙' },
    .{ ',', '\'' },  .{ '!', '¡' },  .{ '?', '¿' },  .{ '(', ')' },   .{ '[', ']' },
    .{ '{', '}' },   .{ '<', '>' },   .{ '_', '‾' }, .{ '&', '⅋' }, .{ ';', '؛' },
    .{ '"', '„' },
};
// #endregion flip-table

/// ASCII characters are looked up in this table; the rest search `pairs`.
const ascii_flips = blk: {
    var table: [128]u21 = undefined;
    for (&table, 0..) |*c, i| c.* = i;
    for (pairs) |p| {
        if (p[0] < 128) table[p[0]] = p[1];
        if (p[1] < 128) table[p[1]] = p[0];
    }
    break :blk table;
};

fn flip(c: u21) u21 {
    if (c < 128) return ascii_flips[c];
    for (pairs) |p| {
        if (p[1] == c) return p[0];
        if (p[0] == c) return p[1];
    }
    return c;
}

/// Largest input accepted, so a runaway pipe cannot exhaust memory.
pub const max_input = 64 * 1024 * 1024;

// #region main
pub fn main(init: std.process.Init) !u8 {
    const io = init.io;
    const gpa = init.gpa;
    var stdin = std.Io.File.stdin().readerStreaming(io, &.{});
    var stderr = std.Io.File.stderr().writerStreaming(io, &.{});

    const limit: std.Io.Limit = .limited(max_input);
    const input = stdin.interface.allocRemaining(gpa, limit) catch |e| {
        if (e != error.StreamTooLong) return e;
        return tooLong(&stderr.interface);
    };
    defer gpa.free(input);

    var buffer: [4096]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(io, &buffer);
    const code = try answer(input, &stdout.interface, &stderr.interface);
    try stdout.interface.flush();
    return code;
}
// #endregion main

/// The demo's answer to `input`: the text upside down on `out` and exit code 0, or,
/// for input that is not valid UTF-8, one line on `err` and exit code 1.
/// The Fastly Compute program (demos/fastly-compute) answers with it too.
pub fn answer(input: []const u8, out: *std.Io.Writer, err: *std.Io.Writer) !u8 {
    if (firstInvalidUtf8(input)) |at| {
        try err.print("demo: input is not valid UTF-8 " ++
            "(byte 0x{x:0>2} at offset {d})\n", .{ input[at], at });
        try err.flush();
        return 1;
    }
    try writeUpsideDown(input, out);
    return 0;
}

/// The line on `err` and the exit code (2) for input over `max_input` bytes.
pub fn tooLong(err: *std.Io.Writer) !u8 {
    try err.print("demo: input over {d} bytes\n", .{max_input});
    try err.flush();
    return 2;
}

/// Offset of the first byte that does not start a valid UTF-8 sequence, or null.
pub fn firstInvalidUtf8(text: []const u8) ?usize {
    var i: usize = 0;
    while (i < text.len) {
        const len = std.unicode.utf8ByteSequenceLength(text[i]) catch return i;
        if (i + len > text.len) return i;
        _ = std.unicode.utf8Decode(text[i .. i + len]) catch return i;
        i += len;
    }
    return null;
}

// #region upside-down
/// Writes `text` (valid UTF-8) rotated by 180 degrees.
/// A final line break stays last.
pub fn writeUpsideDown(text: []const u8, out: *std.Io.Writer) !void {
    var body = text;
    var ending: []const u8 = "";
    if (std.mem.endsWith(u8, body, "\r\n")) {
        ending = "\r\n";
    } else if (std.mem.endsWith(u8, body, "\n")) {
        ending = "\n";
    }
    body = body[0 .. body.len - ending.len];

    var end = body.len;
    while (end > 0) {
        var start = end - 1;
        // Back up to the first byte of this character.
        while (start > 0 and body[start] & 0xC0 == 0x80) start -= 1;
        const c = try std.unicode.utf8Decode(body[start..end]);
        const crlf = c == '\n' and start > 0 and body[start - 1] == '\r';
        if (crlf) {
            try out.writeAll("\r\n"); // keep CR LF in order
            start -= 1;
        } else {
            var buf: [4]u8 = undefined;
            const n = try std.unicode.utf8Encode(flip(c), &buf);
            try out.writeAll(buf[0..n]);
        }
        end = start;
    }
    try out.writeAll(ending);
}
// #endregion upside-down
