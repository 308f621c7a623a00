//! reactor: a module with no `_start`, only functions for its host to call.
//!
//! Built as an executable with no entry point (`zig build-exe -fno-entry -rdynamic`;
//! in build.zig `.entry = .disabled` and `.rdynamic = true`), it imports nothing and
//! exports `memory` and `collatz`. The host instantiates it once and calls `collatz`
//! per request, where a command module is instantiated and started for every run.

// #region export
/// Steps the Collatz sequence takes from `start` down to 1.
pub export fn collatz(start: u32) u32 {
    var n: u64 = start;
    var steps: u32 = 0;
    while (n > 1) : (steps += 1)
        n = if (n % 2 == 0) n / 2 else 3 * n + 1;
    return steps;
}
// #endregion export
