// Opens the runner in Chromium (Debian's, or Playwright's) on a page served from
// 127.0.0.1, so Node scripts can run modules in a real browser.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import type { HarnessRun } from './harness-page'
import { findChromium } from '../../../scripts/lib/find-browser.mjs'
import { root } from '../../../scripts/lib/paths.mjs'
import { serveDist } from '../../../scripts/lib/serve-dist.mjs'

export interface BrowserRun {
  exitCode: number | null
  error?: { kind: string, message: string }
  stdout: Uint8Array
  stderr: Uint8Array
  preopens?: Record<string, Record<string, Uint8Array>>
  timings: { compileMs: number, instantiateMs: number, runMs: number, totalMs: number }
}

export async function openBrowserHarness() {
  const dir = mkdtempSync(join(tmpdir(), 'harness-'))
  const common = { bundle: true, platform: 'browser' as const, target: 'es2022', logLevel: 'silent' as const }
  await build({ ...common, format: 'esm', entryPoints: [join(root, 'demos/browser/harness/harness-page.ts')], outfile: join(dir, 'harness.js') })
  await build({ ...common, format: 'iife', entryPoints: [join(root, 'demos/browser/runner/web-worker.ts')], outfile: join(dir, 'run-worker.js') })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>harness</title><script type="module" src="./harness.js"></script>')
  mkdirSync(join(dir, 'files'))
  symlinkSync(join(root, 'public/wasm'), join(dir, 'wasm'))
  const server = await serveDist({ dir })
  const executablePath = findChromium()
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--disable-background-networking'] })
  const page = await browser.newPage()
  await page.goto(server.url)
  await page.waitForFunction(() => 'harness' in globalThis)

  type Harness = { run: (r: HarnessRun) => Promise<Omit<BrowserRun, 'preopens'> & { stdout: number[], stderr: number[], preopens?: Record<string, Record<string, number[]>> }>, engine: () => string }
  return {
    version: browser.version(),
    userAgent: await page.evaluate(() => (globalThis as unknown as { harness: Harness }).harness.engine()),
    async run(r: HarnessRun): Promise<BrowserRun> {
      const out = await page.evaluate(x => (globalThis as unknown as { harness: Harness }).harness.run(x), r)
      const { stdout, stderr, preopens: trees, ...rest } = out
      const preopens = trees && Object.fromEntries(Object.entries(trees).map(([name, files]) =>
        [name, Object.fromEntries(Object.entries(files).map(([p, b]) => [p, new Uint8Array(b)]))]))
      return { ...rest, stdout: new Uint8Array(stdout), stderr: new Uint8Array(stderr), ...(preopens ? { preopens } : {}) }
    },
    async close() {
      await browser.close()
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
