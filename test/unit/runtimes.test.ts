// The same .wasm bytes give node:wasi's output on every runtime installed here, and
// npm run runtimes fails clearly (and keeps runtimes.json) when one cannot run.
import { Buffer } from 'node:buffer'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CASES, compareRuntimes, judge } from '../../tooling/sessions/compare'
import { manifestPath, root } from '../helpers/node-wasi'

/** The rows the talk shows, verified byte for byte on this machine. */
const REQUIRED = ['node', 'node24', 'node26', 'lambda', 'deno', 'deno-serve', 'bun', 'workerd', 'pages', 'chromium', 'firefox']

describe('npm run runtimes', () => {
  it('node 20, 24 and 26, the Lambda handler, Deno and Deno.serve, Bun, workerd (Worker and Pages Function), Chromium and Firefox all match node:wasi', async () => {
    // The rows npm run runtimes:install brings have tests of their own (below, and graalvm.test.ts): a JVM per case takes minutes.
    const report = await compareRuntimes({ timings: false, only: REQUIRED, log: () => {} })
    // A case a runtime cannot run as node:wasi does carries its reason (`cannot`) and is not a failure.
    const summary = report.runtimes.map(r => ({ id: r.id, status: r.status, failures: r.results.filter(x => !x.pass && !x.cannot), message: r.message }))
    expect(summary.map(s => s.id).filter(id => REQUIRED.includes(id))).toEqual(REQUIRED)
    for (const s of summary)
      expect(s, s.id).toEqual({ id: s.id, status: 'verified', failures: [], message: undefined })
    const count = (id: string) => report.runtimes.find(r => r.id === id)!.results.length
    const demoCases = CASES.filter(c => c.program === 'demo').length
    // workerd: every case through the variant Worker, plus the demo cases through the slide's Worker.
    expect(count('workerd')).toBe(CASES.length + demoCases)
    expect(count('pages')).toBe(demoCases)
    expect(report.runtimes.find(r => r.id === 'pages')!.skipped!.cases).toHaveLength(CASES.length - demoCases)
    for (const id of REQUIRED.filter(id => id !== 'pages'))
      expect(report.runtimes.find(r => r.id === id)!.results.map(r => r.case), id).toEqual(expect.arrayContaining(CASES.map(c => c.id)))
  }, 480_000)

  it('a different byte, exit code or missing panic fails the comparison', () => {
    const reference = { exitCode: 0, stdout: Buffer.from('¡ƃᴉZ'), stderr: Buffer.from(''), wallMs: 0, timedOut: false }
    const text = CASES[0]
    const ok = { stdout: new Uint8Array(reference.stdout), stderr: new Uint8Array(), exitCode: 0, trapped: false }
    expect(judge(text, reference, ok).pass).toBe(true)
    expect(judge(text, reference, { ...ok, stdout: new TextEncoder().encode('¡ƃᴉz') }).pass).toBe(false)
    expect(judge(text, reference, { ...ok, exitCode: 1 }).pass).toBe(false)
    expect(judge(text, reference, { ...ok, failure: 'timed out' })).toEqual({ case: text.id, pass: false, detail: 'timed out' })
    const panic = CASES.find(c => c.expect === 'trap')!
    expect(judge(panic, { ...reference, stdout: Buffer.from('') }, { ...ok, stdout: new Uint8Array(), trapped: true }).pass).toBe(false)
  })

  it('a runtime that cannot start: one line naming it and why, exit 1 within minutes, the file left as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runtimes-fail-'))
    try {
      // A "Firefox" that dies at once, as a missing or broken browser does.
      const fake = join(dir, 'firefox')
      writeFileSync(fake, '#!/bin/sh\necho "cannot open display" >&2\nexit 1\n')
      chmodSync(fake, 0o755)
      const out = join(dir, 'runtimes.json')
      writeFileSync(out, '{"kept":true}\n')
      const t0 = Date.now()
      const run = (extra: string[]) => spawnSync(process.execPath, ['--import', 'tsx', '--no-warnings', join(root, 'scripts/runtimes.ts'), '--no-timings', '--only', 'node,firefox', '--out', out, ...extra], {
        env: { ...process.env, FIREFOX_PATH: fake },
        encoding: 'utf8',
        timeout: 300_000,
      })
      const failed = run([])
      expect(failed.status).toBe(1)
      expect(Date.now() - t0).toBeLessThan(300_000)
      const lines = failed.stderr.split('\n').filter(l => l.startsWith('runtimes: Firefox'))
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^runtimes: Firefox ESR failed: .*\S/)
      expect(failed.stderr).not.toMatch(/^\s+at /m) // no stack trace
      expect(readFileSync(out, 'utf8')).toBe('{"kept":true}\n')

      const partial = run(['--partial'])
      expect(partial.status).toBe(1)
      const written = JSON.parse(readFileSync(out, 'utf8'))
      expect(written.runtimes.map((r: { id: string, status: string }) => [r.id, r.status])).toEqual([['node', 'verified'], ['firefox', 'failed']])
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 600_000)
})

describe('node 24 and node 26 from the registry', () => {
  it('are installed as node_modules/node24 and node26 without shadowing the machine\'s node in npm scripts', () => {
    expect(existsSync(join(root, 'node_modules/.bin/node')), 'npm run would use Node 24 or 26: run npm install (its postinstall removes the link)').toBe(false)
    for (const [dir, major] of [['node24', 24], ['node26', 26]]) {
      const version = spawnSync(join(root, `node_modules/${dir}/bin/node`), ['--version'], { encoding: 'utf8' }).stdout
      expect(version, String(dir)).toMatch(new RegExp(`^v${major}\\.`))
    }
  })

  it('the postinstall removes the link whichever of the two npm made it point to, and only that link', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unshadow-'))
    try {
      for (const owner of ['node24', 'node26', 'typescript']) {
        const fake = join(dir, 'project')
        rmSync(fake, { recursive: true, force: true })
        mkdirSync(join(fake, 'scripts'), { recursive: true })
        mkdirSync(join(fake, `node_modules/${owner}/bin`), { recursive: true })
        mkdirSync(join(fake, 'node_modules/.bin'), { recursive: true })
        writeFileSync(join(fake, `node_modules/${owner}/bin/node`), '')
        symlinkSync(`../${owner}/bin/node`, join(fake, 'node_modules/.bin/node'))
        writeFileSync(join(fake, 'scripts/unshadow-node.mjs'), readFileSync(join(root, 'scripts/unshadow-node.mjs')))
        const run = spawnSync(process.execPath, [join(fake, 'scripts/unshadow-node.mjs')], { encoding: 'utf8' })
        expect(run.status, run.stderr).toBe(0)
        expect(existsSync(join(fake, 'node_modules/.bin/node')), owner).toBe(owner === 'typescript')
      }
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('public/runtimes.json, shown on the slides', () => {
  it('was measured on the modules that are committed now, on every required runtime, with the method and machine', async () => {
    const report = JSON.parse(readFileSync(join(root, 'public/runtimes.json'), 'utf8'))
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    for (const m of report.modules)
      expect(m.sha256, `${m.name}: run npm run runtimes again`).toBe(manifest.modules.find((x: { name: string }) => x.name === m.name).sha256)
    expect(report.runtimes.every((r: { status: string }) => r.status === 'verified')).toBe(true)
    expect(report.runtimes.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(REQUIRED))
    expect(report.machine).toEqual({ cpu: expect.any(String), cores: expect.any(Number), os: expect.any(String) })
    expect(report.method.start).toMatch(/spawn/)
    for (const r of report.runtimes)
      expect(r.timings?.startMs, r.id).toBeGreaterThan(0)
  })
})

describe('a standalone wasm runtime on PATH (WasmEdge: no registry serves it)', () => {
  it('gets a row of its own: found on PATH, every case byte-compared, start timed (no JS host: no compute)', async () => {
    const { RUNTIMES } = await import('../../tooling/sessions/runtimes')
    const { measure, references } = await import('../../tooling/sessions/compare')
    const dir = mkdtempSync(join(tmpdir(), 'fake-wasmedge-'))
    const path = process.env.PATH
    try {
      // Stands in for WasmEdge's CLI (`wasmedge --dir=/:HOST --env K=V module.wasm args`)
      // by running node:wasi: this checks the row's plumbing, not WasmEdge.
      writeFileSync(join(dir, 'wasmedge'), `#!/bin/sh
[ "$1" = "--version" ] && { echo "wasmedge version 99.0.0 (fake)"; exit 0; }
host="\${1#--dir=/:}"; shift
exec "${process.execPath}" --no-warnings "${join(root, 'demos/node/run-wasi.mjs')}" --dir "$host" "$@"
`)
      chmodSync(join(dir, 'wasmedge'), 0o755)
      const wasmedge = RUNTIMES.find(r => r.id === 'wasmedge')!
      process.env.PATH = '/nonexistent'
      expect(wasmedge.available()).toBe('wasmedge is not on PATH')
      process.env.PATH = `${dir}:${path}`
      const report = await measure(wasmedge, await references())
      expect(report).toMatchObject({ id: 'wasmedge', version: '99.0.0', status: 'verified', timings: { startMs: expect.any(Number) } })
      expect(report.results.map(r => r.case)).toEqual(CASES.map(c => c.id))
      expect(report.timings!.computeMs).toBeUndefined()
    }
    finally {
      process.env.PATH = path
      rmSync(dir, { recursive: true, force: true })
    }
  }, 240_000)
})

describe('the runtimes npm run runtimes:install brings (each tested only where it is installed)', async () => {
  const { RUNTIMES } = await import('../../tooling/sessions/runtimes')
  const { measure, references } = await import('../../tooling/sessions/compare')
  const rt = (id: string) => RUNTIMES.find(r => r.id === id)!
  const skipped = (id: string) => (rt(id).available() ? ` (skipped: ${rt(id).available()})` : '')

  it.skipIf(rt('wasmtime').available())(`wasmtime through its Python API: every case the same bytes as node:wasi, its version, compute timed in the host${skipped('wasmtime')}`, async () => {
    const report = await measure(rt('wasmtime'), await references(), { timings: true })
    expect(report).toMatchObject({ status: 'verified', version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
    expect(report.results.map(r => [r.case, r.pass])).toEqual(CASES.map(c => [c.id, true]))
    expect(report.timings!.computeMs).toBeGreaterThan(0)
  }, 480_000)

  it.skipIf(rt('wamr').available())(`WAMR (AOT): every case it can run matches node:wasi; the others say why${skipped('wamr')}`, async () => {
    const report = await measure(rt('wamr'), await references(), { timings: false })
    expect(report.status, report.message ?? JSON.stringify(report.results.filter(r => !r.pass && !r.cannot))).toBe('verified')
    expect(report.results.map(r => r.case)).toEqual(CASES.map(c => c.id))
    for (const r of report.results.filter(r => !r.pass))
      expect(r.cannot, r.case).toMatch(/\S{10}/)
    expect(report.results.filter(r => r.pass).length).toBeGreaterThanOrEqual(CASES.length - 2)
  }, 480_000)

  it.skipIf(rt('viceroy-run').available())(`Viceroy run: the cases a WASI command can run without stdin, files or its own environment match node:wasi${skipped('viceroy-run')}`, async () => {
    const report = await measure(rt('viceroy-run'), await references(), { timings: false })
    expect(report.status, report.message ?? JSON.stringify(report.results.filter(r => !r.pass && !r.cannot))).toBe('verified')
    expect(report.results.filter(r => r.pass).map(r => r.case)).toEqual(expect.arrayContaining(['exit-code: 42', 'mandelbrot: 60x20', 'flood: 100 kB']))
  }, 480_000)
})
