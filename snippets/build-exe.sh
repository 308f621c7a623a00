#!/bin/sh
# The one-file build of a program, without zig/build.zig. Run in zig/: it writes demo.wasm.
# (test/unit/snippets.test.ts runs it and compares the module with the committed one.)
# #region command
zig build-exe src/demo.zig \
  -target wasm32-wasi -O ReleaseSmall
# #endregion command
