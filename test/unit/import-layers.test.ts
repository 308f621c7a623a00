// Imports run one way: from a room to the rooms in the layers below it, never up and
// never sideways to another room of the same layer. The layers, top to bottom, are
// defined here and nowhere else; a file in no room fails the test, so a new folder
// has to be placed.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, posix, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { root } from '../../tooling/lib/paths.mjs'

/**
 * Each layer maps its rooms to the paths they hold (a folder ends with "/"). The rooms follow where
 * their code runs: the page (PAGE below), the dev server, Node tooling, one folder per runtime host.
 */
const LAYERS: Array<Record<string, string[]>> = [
  { config: ['vite.config.ts', 'vitest.config.ts', 'playwright.config.ts', 'eslint.config.js', 'env.d.ts'] },
  // The tests check everything below them; nothing imports a test.
  { test: ['test/'] },
  // Node tooling, the commands: `npm run …` scripts and the benchmark. They share tooling/, never each other.
  { scripts: ['scripts/'], bench: ['bench/'] },
  // The dev server: the two endpoints and their helper (Vite plugins serving POST requests);
  // the deck's build-time Vite plugins, beside it in vite.config.ts.
  { 'dev-server': ['dev-server/'], 'vite-plugins': ['vite-plugins/'] },
  // Node tooling, what the commands and the dev server drive: the runtime sessions (one file per kind of runtime).
  { sessions: ['tooling/sessions/'] },
  // Node tooling below the sessions: the installers, the browser harness, the runner in worker_threads.
  { install: ['tooling/install/'], harness: ['tooling/harness/'], threads: ['tooling/threads/'] },
  // The page, top: Slidev's hooks and the Vue components that slides.md uses.
  { setup: ['setup/'], components: ['components/'] },
  // The page: composables (use* only) and the plain helpers the components show.
  { composables: ['demos/browser/composables/'] },
  { view: ['demos/browser/view/'] },
  // The page: what the composables drive (the Worker playground, Live Zig's page side, the harness page).
  // The Deno.serve entry (Deno Deploy's shape) runs modules on the runner core's in-memory WASI session;
  // so does the script GraalJS runs (demos/graalvm/graaljs-entry.ts, beside its Java hosts).
  { 'playground': ['demos/browser/playground/'], 'live-zig': ['demos/browser/live-zig/'], 'harness-page': ['demos/browser/harness/'], 'deno-deploy': ['demos/deno-deploy/'], 'graalvm': ['demos/graalvm/'] },
  // The page: the runner core, no Vue.
  { runner: ['demos/browser/runner/'] },
  // The hosts of the other runtimes, one folder each.
  // The Pages Function is the slide's Worker in advanced mode: one room with it.
  { 'node': ['demos/node/'], 'deno': ['demos/deno/'], 'bun': ['demos/bun/'], 'aws-lambda': ['demos/aws-lambda/'], 'cloudflare-worker': ['demos/cloudflare-worker/', 'demos/cloudflare-pages/'] },
  // Node tooling, bottom: helpers for everything that runs in Node (paths, processes, the browser, the built site).
  { 'tooling/lib': ['tooling/lib/'] },
  // Facts and helpers every layer may use (in the page and in Node).
  { shared: ['demos/shared/'] },
]

/** The rooms whose code runs in the page (or its Web Workers): no node:* import, no process. */
const PAGE = ['setup/', 'components/', 'demos/browser/']
/** The rooms whose code runs only in Node (the commands, the dev server, the tooling). */
const NODE = ['scripts/', 'bench/', 'test/', 'dev-server/', 'vite-plugins/', 'tooling/']

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
  // The page's rooms sit above the hosts and demos/shared in the layers, but never reach Node's side.
  if (PAGE.some(p => from.startsWith(p)) && NODE.some(p => to.startsWith(p)))
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

  it('no file of the page imports node:* or starts a process', () => {
    const wrong: string[] = []
    for (const file of files) {
      if (!PAGE.some(p => file.startsWith(p)))
        continue
      const text = readFileSync(join(root, file), 'utf8')
      for (const spec of ts.preProcessFile(text, true, true).importedFiles.map(f => f.fileName)) {
        if (spec.startsWith('node:') || ['child_process', 'fs', 'worker_threads', 'net', 'http'].includes(spec))
          wrong.push(`${file} imports ${spec}`)
      }
      if (/\b(?:spawn|execFile|exec|fork)(?:Sync)?\(/.test(text) && /child_process/.test(text))
        wrong.push(`${file} starts a process`)
    }
    expect(wrong).toEqual([])
  })

  it('nothing imports from scripts/ except scripts', () => {
    const wrong: string[] = []
    for (const file of files) {
      if (file.startsWith('scripts/'))
        continue
      for (const { target } of importsOf(file)) {
        if (target?.startsWith('scripts/'))
          wrong.push(`${file} imports ${target}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('the rule refuses the imports this layout replaced', () => {
    expect(mayImport('tooling/sessions/compare.ts', 'bench/inputs.ts')).toBe(false)
    expect(mayImport('bench/index.ts', 'test/helpers/node-wasi.ts')).toBe(false)
    expect(mayImport('tooling/sessions/compare.ts', 'test/helpers/node-wasi.ts')).toBe(false)
    expect(mayImport('demos/browser/view/runtime-rows.ts', 'tooling/sessions/compare.ts')).toBe(false)
    expect(mayImport('demos/browser/runner/runner.ts', 'demos/browser/playground/playground-protocol.ts')).toBe(false)
    expect(mayImport('demos/browser/live-zig/run-zig.ts', 'dev-server/zig-compile.ts')).toBe(false)
    expect(mayImport('demos/browser/runner/runner.ts', 'tooling/lib/paths.mjs')).toBe(false)
    expect(mayImport('components/RuntimeTable.vue', 'tooling/sessions/compare.ts')).toBe(false)
    expect(mayImport('tooling/sessions/compare.ts', 'scripts/runtimes.ts')).toBe(false)
    expect(mayImport('setup/main.ts', 'vite-plugins/deck-chunks.ts')).toBe(false)
    expect(mayImport('dev-server/runtimes-endpoint.ts', 'tooling/sessions/compare.ts')).toBe(true)
    expect(mayImport('tooling/threads/spawn-runner.ts', 'demos/browser/runner/supervisor.ts')).toBe(true)
    expect(mayImport('demos/shared/manifest.ts', 'demos/browser/runner/runner.ts')).toBe(false)
    expect(mayImport('components/WasiRun.vue', 'demos/browser/composables/useWasiRun.ts')).toBe(true)
    expect(mayImport('bench/index.ts', 'tooling/lib/paths.mjs')).toBe(true)
  })
})
