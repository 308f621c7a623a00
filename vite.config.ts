import { defineConfig } from 'vite'

export default defineConfig({
  optimizeDeps: {
    // Pre-bundled up front, so the dev server never reloads the page mid-talk
    // (or mid-export) when a demo first imports them.
    include: ['@bjorn3/browser_wasi_shim', 'acorn'],
  },
})
