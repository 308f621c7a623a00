//! forever: never returns. It counts up without end, which is what a stuck
//! program looks like to its host: no output, no exit, no trap.
const std = @import("std");

pub fn main(init: std.process.Init) void {
    std.Io.File.stdout().writeStreamingAll(init.io, "counting forever...\n") catch {};
    // #region forever
    var i: u64 = 0;
    while (true) {
        i +%= 1;
        std.mem.doNotOptimizeAway(i);
    }
    // #endregion forever
}
