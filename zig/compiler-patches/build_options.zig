// The `build_options` module the compiler's source imports. Zig's own build.zig generates
// it; the source tarball has no build.zig, and we need only this one configuration:
// no LLVM, no C (no clang, no libc builds), only the core commands, no tracing.
// scripts/build-zig-compiler.ts passes it with `--mod build_options::...`.
const std = @import("std");

pub const version: [:0]const u8 = "0.11.0";
pub const semver: std.SemanticVersion = .{ .major = 0, .minor = 11, .patch = 0 };
pub const mem_leak_frames: u32 = 0;
pub const skip_non_native = false;
pub const have_llvm = false;
pub const llvm_has_m68k = false;
pub const llvm_has_csky = false;
pub const llvm_has_arc = false;
pub const llvm_has_xtensa = false;
pub const force_gpa = false;
pub const only_c = false;
pub const only_core_functionality = true;
pub const enable_logging = false;
pub const enable_link_snapshots = false;
pub const enable_tracy = false;
pub const enable_tracy_callstack = false;
pub const enable_tracy_allocation = false;
pub const value_tracing = false;
