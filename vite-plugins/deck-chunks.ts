// How the built deck is cut into chunks (the README's performance notes point here).
//
// Slidev 52 sets `manualChunks`: every module under /shiki/ or /@shikijs/ into one chunk,
// and the Monaco types, with everything they import, into another. With Monaco on a
// slide, Shiki's bundle imports all of its ~250 grammars, so that one chunk became 9.7 MB
// (1.6 MB gzip), and the Monaco chunk took in modules the app's entry needs: slide 1
// downloaded 3.6 MB of gzip JS where a stock Slidev deck downloads 0.2 MB.
//
// This plugin drops that rule for Rolldown's `codeSplitting` groups: Vue and Shiki's
// core get chunks of their own (as in a stock deck); Shiki's grammars and themes, and
// Monaco, are left to dynamic-import splitting, so each loads with the first slide that
// asks for it. Slidev's core (its composables, state and VueUse), which the app needs
// before slide 1, is one chunk rather than the ten small ones automatic splitting made
// (over HTTP/1.1 a browser opens six connections: ten more files is a round trip more).
// `npm run bench` measures the result against a stock deck.
import type { Plugin } from 'vite'

/** Lazily imported by Shiki (grammars, themes) or only by features this deck does not use. */
const SHIKI_ON_DEMAND = /\/(?:@shikijs\/(?:langs|themes|magic-move|vitepress-twoslash)|shiki\/dist\/(?:langs|themes))\//
const SHIKI = /\/(?:shiki|@shikijs)\//
const VUE = /\/node_modules\/(?:vue|@vue)\//
const SLIDEV_CORE = /\/@slidev\/client\/(?:composables|logic|state|utils|context|env|constants)\b|\/@vueuse\/(?:core|shared)\//

export function deckChunksPlugin(): Plugin {
  return {
    name: 'deck:chunks',
    apply: 'build',
    enforce: 'post',
    config(config) {
      const output = config.build?.rollupOptions?.output
      if (output && !Array.isArray(output))
        delete output.manualChunks
      return {
        build: {
          rollupOptions: {
            output: {
              codeSplitting: {
                groups: [
                  // Vite's preload helper, imported by the app's entry and by Shiki's
                  // grammar list alike: a group takes in its modules' imports, so left
                  // alone it would join the Shiki chunk and make the entry load all of it.
                  { name: 'preload-helper', test: /vite\/preload-helper/, priority: 40 },
                  { name: 'modules/vue', test: VUE, priority: 30 },
                  { name: 'modules/shiki', test: (id: string) => SHIKI.test(id) && !SHIKI_ON_DEMAND.test(id), priority: 20 },
                  { name: 'modules/unplugin-icons', test: /^~icons\//, priority: 10 },
                  { name: 'slidev/core', test: SLIDEV_CORE, priority: 5 },
                ],
              },
            },
          },
        },
      }
    },
  }
}
