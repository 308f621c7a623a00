//! Builds every demo program for wasm32-wasi: `zig build` (from this folder)
//! installs zig-out/bin/<name>.wasm. `npm run build:wasm` calls this and copies
//! the modules to public/wasm/ with a manifest.
const std = @import("std");

/// One entry per program in src/; the deck and the tests refer to them by name.
pub const programs = [_][]const u8{
    "demo",
    "wasi-env",
    "read-file",
    "exit-code",
    "panic",
    "mandelbrot",
    "forever",
    "flood",
    "stack",
    "greet",
    "preopens",
    "clock-random",
    "collatz",
};

/// C programs in src/ (<name>.c), compiled against the wasi-libc that Zig bundles:
/// the WASI conformance suite (test/unit/wasi-conformance.test.ts). Not on the slides.
pub const c_programs = [_][]const u8{
    "conformance-files",
    "conformance-system",
};

/// Reactors: no `_start`, only the functions they `export` (see src/reactor.zig).
pub const reactors = [_][]const u8{
    "reactor",
};

pub fn build(b: *std.Build) void {
    // #region target
    const target = std.zig.CrossTarget{
        .cpu_arch = .wasm32,
        .os_tag = .wasi,
    };
    // Always ReleaseSmall: the deck's sizes and the
    // committed bytes are for this mode.
    const optimize = std.builtin.OptimizeMode.ReleaseSmall;

    for (programs) |name| {
        const source = b.fmt("src/{s}.zig", .{name});
        const exe = b.addExecutable(.{
            .name = name,
            .root_source_file = .{ .path = source },
            .target = target,
            .optimize = optimize,
        });
        b.installArtifact(exe);
    }
    // #endregion target
    for (c_programs) |name| {
        const exe = b.addExecutable(.{
            .name = name,
            .target = target,
            .optimize = optimize,
        });
        exe.addCSourceFile(.{ .file = .{ .path = b.fmt("src/{s}.c", .{name}) }, .flags = &.{ "-std=gnu11", "-Wall" } });
        exe.linkLibC();
        b.installArtifact(exe);
    }

    // #region reactor
    // No _start: in Zig 0.11 a dynamic library
    // (0.12+: addExecutable, .entry = .disabled).
    for (reactors) |name| {
        const source = b.fmt("src/{s}.zig", .{name});
        const lib = b.addSharedLibrary(.{
            .name = name,
            .root_source_file = .{ .path = source },
            .target = target,
            .optimize = optimize,
        });
        lib.rdynamic = true; // export every `export fn`
        const install = b.addInstallArtifact(lib, .{
            .dest_dir = .{ .override = .bin },
        });
        b.getInstallStep().dependOn(&install.step);
    }
    // #endregion reactor
}
