import { defineConfig } from 'vite'
import { deckChunksPlugin } from './scripts/deck-chunks'
import { liveRuntimesPlugin } from './scripts/runtimes-endpoint'
import { liveZigPlugin } from './scripts/zig-compile-endpoint'

export default defineConfig({
  optimizeDeps: {
    // Pre-bundled up front, so the dev server never reloads the page mid-talk
    // (or mid-export) when a demo first imports them.
    include: ['@bjorn3/browser_wasi_shim', 'acorn'],
  },
  plugins: [
    // Live Zig: POST /__zig/compile on the dev server (see scripts/zig-compile-endpoint.ts).
    liveZigPlugin(),
    // The live runtime comparison: POST /__runtimes/compare on the dev server (see scripts/runtimes-endpoint.ts).
    liveRuntimesPlugin(),
    // Replaces Slidev's chunking, which put every Shiki grammar and much of Monaco into
    // chunks that slide 1 loads (see scripts/deck-chunks.ts and `npm run bench`).
    deckChunksPlugin(),
  ],
})
