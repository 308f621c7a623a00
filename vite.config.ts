import { defineConfig } from 'vite'
import { liveZigPlugin } from './scripts/zig-compile-endpoint'

export default defineConfig({
  optimizeDeps: {
    // Pre-bundled up front, so the dev server never reloads the page mid-talk
    // (or mid-export) when a demo first imports them.
    include: ['@bjorn3/browser_wasi_shim', 'acorn'],
  },
  // Live Zig: POST /__zig/compile on the dev server (see scripts/zig-compile-endpoint.ts).
  plugins: [liveZigPlugin()],
})
