// Opens the runner in Chromium (Debian's, or Playwright's, driven by Playwright) or in
// Firefox ESR (Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi) on a page
// served from 127.0.0.1, so Node scripts can run modules in a real browser.
import type { HarnessRun } from '../../demos/browser/harness/harness-page'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import puppeteer from 'puppeteer-core'
import { findChromium, findFirefox } from '../lib/find-browser.mjs'
import { killWithParent } from '../lib/kill-with-parent.mjs'
import { wasmDir as committedWasm, root, WASM_URL_DIR } from '../lib/paths.mjs'
import { serveDist } from '../lib/serve-dist.mjs'

export interface BrowserRun {
  exitCode: number | null
  error?: { kind: string, message: string }
  stdout: Uint8Array
  /** With `hashStdout`: stdout's SHA-256 (hex), and `stdout` is empty. */
  stdoutSha256?: string
  stderr: Uint8Array
  preopens?: Record<string, Record<string, Uint8Array>>
  timings: { compileMs: number, instantiateMs: number, runMs: number, totalMs: number }
}

export { findFirefox }

export type HarnessBrowser = 'chromium' | 'firefox'

interface Driven {
  version: string
  evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>
  close: () => Promise<void>
}

async function launch(kind: HarnessBrowser, url: string): Promise<Driven> {
  if (kind === 'firefox') {
    const executablePath = findFirefox()
    if (!executablePath)
      throw new Error('Firefox is not installed (Debian: apt-get install -y firefox-esr; or set FIREFOX_PATH)')
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath, protocol: 'webDriverBiDi', headless: true, timeout: 60_000 })
    // Puppeteer starts Firefox in its own process group, and over WebDriver BiDi nothing ends it when we die.
    const watchdog = killWithParent(browser.process()?.pid, { group: true })
    try {
      const page = await browser.newPage()
      await page.goto(url)
      await page.waitForFunction(() => 'harness' in globalThis)
      const close = async () => {
        await browser.close()
        watchdog?.kill()
      }
      return { version: (await browser.version()).replace(/^firefox\//, ''), evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never, close }
    }
    catch (e) {
      await browser.close()
      watchdog?.kill()
      throw e
    }
  }
  const executablePath = findChromium()
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--disable-background-networking'], timeout: 60_000 })
  try {
    const page = await browser.newPage()
    await page.goto(url)
    await page.waitForFunction(() => 'harness' in globalThis)
    return { version: browser.version(), evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never, close: () => browser.close() }
  }
  catch (e) {
    await browser.close()
    throw e
  }
}

/** `wasmDir`: the folder the page fetches its modules from, as WASM_URL_DIR beside it (default: the committed modules). */
export async function openBrowserHarness(kind: HarnessBrowser = 'chromium', { wasmDir = committedWasm } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'harness-'))
  // The page is served at the folder's root, so the deck's base URL (manifest.ts's one spelling of wasm/) is ./
  const common = { bundle: true, platform: 'browser' as const, target: 'es2022', logLevel: 'silent' as const, define: { 'import.meta.env.BASE_URL': '"./"' } }
  await build({ ...common, format: 'esm', entryPoints: [join(root, 'demos/browser/harness/harness-page.ts')], outfile: join(dir, 'harness.js') })
  await build({ ...common, format: 'iife', entryPoints: [join(root, 'demos/browser/runner/web-worker.ts')], outfile: join(dir, 'run-worker.js') })
  // A module worker: it imports the component's transpiled JS by URL (preview2-shim's browser build is bundled in).
  await build({ ...common, format: 'esm', entryPoints: [join(root, 'demos/browser/runner/component-worker.ts')], outfile: join(dir, 'component-worker.js') })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>harness</title><script type="module" src="./harness.js"></script>')
  mkdirSync(join(dir, 'files'))
  symlinkSync(wasmDir, join(dir, WASM_URL_DIR))
  const server = await serveDist({ dir })
  let browser: Driven
  try {
    browser = await launch(kind, server.url)
  }
  catch (e) {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
    throw e
  }

  interface Harness { run: (r: HarnessRun) => Promise<Omit<BrowserRun, 'preopens'> & { stdout: number[], stderr: number[], preopens?: Record<string, Record<string, number[]>> }>, engine: () => string }
  return {
    version: browser.version,
    userAgent: await browser.evaluate(() => (globalThis as unknown as { harness: Harness }).harness.engine(), undefined),
    async run(r: HarnessRun): Promise<BrowserRun> {
      const out = await browser.evaluate(x => (globalThis as unknown as { harness: Harness }).harness.run(x), r)
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
