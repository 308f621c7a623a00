import { defineConfig } from 'vite'
import { liveZigPlugin } from './dev-server/compile-endpoint.ts'
import { liveRuntimesPlugin } from './dev-server/runtimes-endpoint.ts'
import { deckChunksPlugin } from './vite-plugins/deck-chunks.ts'
import { deckMonacoPlugin } from './vite-plugins/deck-monaco.ts'
import { deckShikiPlugin } from './vite-plugins/deck-shiki.ts'

export default defineConfig({
  server: {
    // Zig's std (.zig/, brought by npm install) and its build caches are not the deck's sources.
    watch: { ignored: ['**/.zig/**', '**/.zig.partial/**', '**/.zig-cache/**', '**/zig-out/**'] },
  },
  optimizeDeps: {
    // Pre-bundled up front, so the dev server never reloads the page mid-talk
    // (or mid-export) when a demo first imports them.
    include: ['@bjorn3/browser_wasi_shim', 'acorn'],
  },
  plugins: [
    // Live Zig: POST /__zig/compile on the dev server (see dev-server/compile-endpoint.ts).
    liveZigPlugin(),
    // The live runtime comparison: POST /__runtimes/compare on the dev server (see dev-server/runtimes-endpoint.ts).
    liveRuntimesPlugin(),
    // Replaces Slidev's chunking, which put every Shiki grammar and much of Monaco into
    // chunks that slide 1 loads (see vite-plugins/deck-chunks.ts and `npm run bench`).
    deckChunksPlugin(),
    // Monaco without its ~80 languages, language services and TypeScript (see vite-plugins/deck-monaco.ts).
    deckMonacoPlugin(),
    // Only the Shiki grammars and themes the page loads (see vite-plugins/deck-shiki.ts).
    deckShikiPlugin(),
    // The built site keeps Slidev's print route: scripts/build.mjs prints the PDF from it
    // (tooling/lib/export-pdf.mjs). Slidev keeps that route only when its own exporter runs
    // (`download: true`), which prints from a dev server and is what we replaced.
    { name: 'deck:print-route', enforce: 'post', config: () => ({ define: { __SLIDEV_FEATURE_PRINT__: 'true' } }) },
  ],
})
