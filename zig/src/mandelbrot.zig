//! mandelbrot: draws the Mandelbrot set in ASCII. CPU-bound on purpose: the
//! work grows with the iteration limit, the output stays small.
//! Usage: mandelbrot [WIDTH [HEIGHT [MAX_ITERATIONS]]] (defaults 64 24 1000)
const std = @import("std");

pub fn main(init: std.process.Init) !u8 {
    const io = init.io;
    const args = try init.minimal.args.toSlice(init.arena.allocator());
    const width = arg(args, 1, 64) orelse return usage(io);
    const height = arg(args, 2, 24) orelse return usage(io);
    const max_iter = arg(args, 3, 1000) orelse return usage(io);
    if (width == 0 or height == 0 or width > 10_000 or height > 10_000) return usage(io);

    var buffer: [4096]u8 = undefined;
    var stdout = std.Io.File.stdout().writerStreaming(io, &buffer);
    const w = &stdout.interface;
    const shades = " .:-=+*#%@";
    var total: u64 = 0;
    var y: u32 = 0;
    while (y < height) : (y += 1) {
        var x: u32 = 0;
        while (x < width) : (x += 1) {
            const cr = -2.2 + 3.0 * @as(f64, @floatFromInt(x)) / @as(f64, @floatFromInt(width));
            const ci = -1.2 + 2.4 * @as(f64, @floatFromInt(y)) / @as(f64, @floatFromInt(height));
            const n = escapeTime(cr, ci, max_iter);
            total += n;
            // Points inside the set get '@'; outside, the shade grows with log2(n).
            const shade = if (n >= max_iter) shades.len - 1 else @min(shades.len - 2, std.math.log2_int(u32, n + 1));
            try w.writeByte(shades[shade]);
        }
        try w.writeByte('\n');
    }
    try w.print("{d} iterations\n", .{total});
    try w.flush();
    return 0;
}

// #region escape-time
fn escapeTime(cr: f64, ci: f64, max_iter: u32) u32 {
    var zr: f64 = 0;
    var zi: f64 = 0;
    var n: u32 = 0;
    // Escaped once |z| > 2.
    while (n < max_iter and zr * zr + zi * zi <= 4.0) {
        const t = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = t;
        n += 1;
    }
    return n;
}
// #endregion escape-time

fn arg(args: []const [:0]const u8, i: usize, default: u32) ?u32 {
    if (args.len <= i) return default;
    return std.fmt.parseInt(u32, args[i], 10) catch null;
}

fn usage(io: std.Io) !u8 {
    try std.Io.File.stderr().writeStreamingAll(io, "usage: mandelbrot [WIDTH [HEIGHT [MAX_ITERATIONS]]] (1-10000 each)\n");
    return 2;
}
