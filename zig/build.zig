//! Builds every demo program for wasm32-wasi: `zig build` (from this folder)
//! installs zig-out/bin/<name>.wasm. `npm run build:wasm` calls this and copies
//! the modules to public/wasm/ with a manifest.
//!
//! Every file in src/ is a program, found by listing src/ (a new file needs no
//! change here): `<name>.zig` a Zig command (`pub fn main`), or a reactor when its
//! name is in `reactors`; `<name>.c` a C command built against the wasi-libc that
//! Zig bundles (the WASI conformance suite).
const std = @import("std");

/// Reactors: no `_start`, only the functions they `export` (see src/reactor.zig).
pub const reactors = [_][]const u8{
    "reactor",
};

pub fn build(b: *std.Build) !void {
    const src = try sources(b);
    // #region target
    const target = b.resolveTargetQuery(.{
        .cpu_arch = .wasm32,
        .os_tag = .wasi,
    });
    // Always ReleaseSmall: the deck's sizes and the
    // committed bytes are for this mode.
    const optimize: std.builtin.OptimizeMode = .ReleaseSmall;

    for (src.commands) |name| {
        const exe = b.addExecutable(.{
            .name = name,
            .root_module = b.createModule(.{
                .root_source_file = b.path(b.fmt("src/{s}.zig", .{name})),
                .target = target,
                .optimize = optimize,
            }),
        });
        b.installArtifact(exe);
    }
    // #endregion target

    for (src.c_programs) |name| {
        const module = b.createModule(.{ .target = target, .optimize = optimize, .link_libc = true });
        module.addCSourceFile(.{ .file = b.path(b.fmt("src/{s}.c", .{name})), .flags = &.{ "-std=gnu11", "-Wall" } });
        b.installArtifact(b.addExecutable(.{ .name = name, .root_module = module }));
    }

    // #region reactor
    // No _start: an executable without an entry point
    // (Zig 0.11 made it a dynamic library).
    for (reactors) |name| {
        const exe = b.addExecutable(.{
            .name = name,
            .root_module = b.createModule(.{
                .root_source_file = b.path(b.fmt("src/{s}.zig", .{name})),
                .target = target,
                .optimize = optimize,
            }),
        });
        exe.entry = .disabled;
        exe.rdynamic = true; // export every `export fn`
        b.installArtifact(exe);
    }
    // #endregion reactor
}

/// The programs in src/, by name, sorted: the Zig commands (reactors left out) and the C ones.
fn sources(b: *std.Build) !struct { commands: []const []const u8, c_programs: []const []const u8 } {
    const io = b.graph.io;
    // The list is src/'s listing: `zig build` configures again when it changes.
    b.dependOnDirectoryContents(b.path("src"));
    var dir = try b.root.openDir(io, "src", .{ .iterate = true });
    defer dir.close(io);
    var commands: std.ArrayList([]const u8) = .empty;
    var c_programs: std.ArrayList([]const u8) = .empty;
    var it = dir.iterate();
    while (try it.next(io)) |entry| {
        if (entry.kind != .file) continue;
        const name = b.dupe(std.fs.path.stem(entry.name));
        const ext = std.fs.path.extension(entry.name);
        if (std.mem.eql(u8, ext, ".c")) {
            try c_programs.append(b.allocator, name);
        } else if (std.mem.eql(u8, ext, ".zig") and !isReactor(name)) {
            try commands.append(b.allocator, name);
        }
    }
    std.mem.sort([]const u8, commands.items, {}, lessThan);
    std.mem.sort([]const u8, c_programs.items, {}, lessThan);
    return .{ .commands = commands.items, .c_programs = c_programs.items };
}

fn isReactor(name: []const u8) bool {
    for (reactors) |r| if (std.mem.eql(u8, r, name)) return true;
    return false;
}

fn lessThan(_: void, a: []const u8, b: []const u8) bool {
    return std.mem.lessThan(u8, a, b);
}
