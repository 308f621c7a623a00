// Imports run one way: from a room to the rooms in the layers below it, never up and
// never sideways to another room of the same layer. The layers, top to bottom, are
// defined here and nowhere else; a file in no room fails the test, so a new folder
// has to be placed.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, posix, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { root } from '../../scripts/lib/paths.mjs'

/** Each layer maps its rooms to the paths they hold (a folder ends with "/"). */
const LAYERS: Array<Record<string, string[]>> = [
  { config: ['vite.config.ts', 'vitest.config.ts', 'playwright.config.ts', 'eslint.config.js', 'env.d.ts'] },
  // The tests check everything below them, the scripts' logic included; nothing imports a test.
  { test: ['test/'] },
  // Tooling: command-line scripts and the benchmark. They share scripts/lib and demos/shared, never each other.
  { scripts: ['scripts/'], bench: ['bench/'] },
  // The deck: Slidev's setup and the Vue components that slides.md uses.
  { setup: ['setup/'], components: ['components/'] },
  // Page-side state for the components.
  { composables: ['demos/browser/composables/'] },
  // What the composables drive: the Worker playground, Live Zig (page and dev server), the browser harness.
  // The Deno.serve entry (Deno Deploy's shape) runs modules on the runner core's in-memory WASI session;
  // so does the script GraalJS runs (demos/graalvm/graaljs-entry.ts, beside its Java hosts).
  { 'playground': ['demos/browser/playground/'], 'live-zig': ['demos/browser/live-zig/'], 'harness': ['demos/browser/harness/'], 'deno-deploy': ['demos/deno-deploy/'], 'graalvm': ['demos/graalvm/'] },
  // The runner core: no Vue.
  { runner: ['demos/browser/runner/'] },
  // The hosts of the other runtimes.
  // The Pages Function is the slide's Worker in advanced mode: one room with it.
  { 'node': ['demos/node/'], 'deno': ['demos/deno/'], 'bun': ['demos/bun/'], 'aws-lambda': ['demos/aws-lambda/'], 'cloudflare-worker': ['demos/cloudflare-worker/', 'demos/cloudflare-pages/'] },
  // Node helpers shared by scripts, bench and tests (paths, processes, the browser, the built site).
  { 'scripts/lib': ['scripts/lib/'] },
  // Facts and helpers every layer may use (in the page and in Node).
  { shared: ['demos/shared/'] },
]

const SKIP = new Set(['node_modules', '.zig', '.zig.partial', 'dist', 'test-dist', 'public', 'zig', '.git', '.slidev', '.ci', 'zig-cache', 'zig-out'])
const SOURCE = /\.(?:ts|mts|mjs|js|vue)$/

function sourceFiles(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory())
      return SKIP.has(entry.name) || entry.name.startsWith('.') ? [] : sourceFiles(path)
    return SOURCE.test(entry.name) ? [relative(root, path).split('\\').join('/')] : []
  })
}

function roomOf(file: string): { room: string, layer: number } | undefined {
  let best: { room: string, layer: number, length: number } | undefined
  LAYERS.forEach((rooms, layer) => {
    for (const [room, paths] of Object.entries(rooms)) {
      for (const p of paths) {
        const hit = p.endsWith('/') ? file.startsWith(p) : file === p
        if (hit && (!best || p.length > best.length))
          best = { room, layer, length: p.length }
      }
    }
  })
  return best && { room: best.room, layer: best.layer }
}

/**
 * Data every layer may read: the committed measurements that numbers on slides come from, and
 * the facts about the world beside slides-sources.md (a JSON file imports nothing, so it cannot
 * carry an import upward).
 */
const GENERATED_DATA = new Set(['bench/results.json', 'bench/zig-versions.json', 'public/runtimes.json', 'public/wasm/manifest.json', 'slides-facts.json', 'zig/std-wasi/results.json'])

/** May `from` import `to`? Within a room, or from a room to a lower layer, or generated data. */
function mayImport(from: string, to: string): boolean {
  if (GENERATED_DATA.has(to))
    return true
  const a = roomOf(from)
  const b = roomOf(to)
  if (!a || !b)
    return false
  return a.room === b.room || b.layer > a.layer
}

/** The repository files a source file imports (relative specifiers, dynamic imports and `new URL(…, import.meta.url)` included). */
function importsOf(file: string): Array<{ spec: string, target?: string }> {
  let text = readFileSync(join(root, file), 'utf8')
  if (file.endsWith('.vue'))
    text = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map(m => m[1]).join('\n')
  const specs = ts.preProcessFile(text, true, true).importedFiles.map(f => f.fileName)
  // A Web Worker's entry file is named with new URL(path, import.meta.url).
  for (const m of text.matchAll(/new URL\(\s*(['"])(\.{1,2}\/[^'"]+\.(?:ts|mjs|js))\1\s*,\s*import\.meta\.url\s*\)/g))
    specs.push(m[2])
  return specs
    // A .wasm import is a module the host hands over (workerd names them), not code.
    .filter(spec => spec.startsWith('.') && !spec.endsWith('.wasm'))
    .map((spec) => {
      const base = posix.normalize(posix.join(dirname(file), spec.replace(/\?.*$/, '')))
      const target = ['', '.ts', '.mjs', '.js', '.vue', '/index.ts'].map(ext => base + ext).find(p => files.has(p) || existsInRepo(p))
      return { spec, target }
    })
}

const files = new Set(sourceFiles())
function existsInRepo(path: string): boolean {
  try {
    readFileSync(join(root, path))
    return true
  }
  catch {
    return false
  }
}

describe('imports run one way', () => {
  it('every source file is in a room', () => {
    expect([...files].filter(f => !roomOf(f))).toEqual([])
  })

  it('no import goes up a layer or sideways to another room, and every relative import resolves', () => {
    const wrong: string[] = []
    let seen = 0
    for (const file of files) {
      for (const { spec, target } of importsOf(file)) {
        seen++
        if (!target)
          wrong.push(`${file}: "${spec}" does not resolve`)
        else if (!mayImport(file, target))
          wrong.push(`${file} (${roomOf(file)?.room}) imports ${target} (${roomOf(target)?.room})`)
      }
    }
    expect(wrong).toEqual([])
    expect(seen).toBeGreaterThan(100)
  })

  it('the rule refuses the imports this layout replaced', () => {
    expect(mayImport('scripts/runtimes.ts', 'bench/inputs.ts')).toBe(false)
    expect(mayImport('bench/index.ts', 'test/helpers/node-wasi.ts')).toBe(false)
    expect(mayImport('scripts/runtimes.ts', 'test/helpers/node-wasi.ts')).toBe(false)
    expect(mayImport('demos/browser/composables/runtime-rows.ts', 'scripts/runtimes.ts')).toBe(false)
    expect(mayImport('demos/browser/runner/spawn-node.ts', 'demos/browser/playground/protocol.ts')).toBe(false)
    expect(mayImport('demos/shared/manifest.ts', 'demos/browser/runner/runner.ts')).toBe(false)
    expect(mayImport('components/WasiRun.vue', 'demos/browser/composables/useWasiRun.ts')).toBe(true)
    expect(mayImport('bench/index.ts', 'scripts/lib/paths.mjs')).toBe(true)
  })
})
