// The in-page Zig compiler (public/zig-compiler/): its bytes, and edit-to-output on the
// Live Zig slide of the built site: the first edit (fetch + compile zig.wasm, unpack the
// std lib, compile, run) and a repeat edit (compile and run only). Outside the site's
// first-load budget: these files load only when a reader edits and presses Run.
// Alone, on a built site: tsx bench/zig-compiler.ts --dir test-dist --base /talk/ [--repeats N]
import type { Browser, Page } from 'playwright-core'
import type { CompilerManifest } from '../demos/browser/live-zig/zig-wasm-compiler'
import type { Site } from './first-load'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { gzipSync } from 'node:zlib'
import { COMPILER_DIR, COMPILER_MANIFEST } from '../demos/browser/live-zig/zig-wasm-compiler'
import { slideWith } from '../scripts/lib/deck-slides'
import { root } from '../scripts/lib/paths.mjs'
import { newBenchContext } from './first-load'

export const ZIG_FIRST_TARGET_MS = 6000
export const ZIG_REPEAT_TARGET_MS = 3500

export interface ZigCompilerBench {
  files: Array<{ name: string, bytes: number, gzipBytes: number }>
  firstMs: number
  repeatMs: number[]
}

const greet = () => readFileSync(join(root, 'zig/src/greet.zig'), 'utf8')

/** Types `code` into the slide's editor (as a reader would), then times Run to `expected` on screen, in the page. */
async function editAndTime(page: Page, slide: number, code: string, expected: string): Promise<number> {
  const editor = page.locator(`.slidev-page-${slide} .monaco-editor .view-lines`)
  await editor.click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(code)
  return page.evaluate(async ({ slide, expected }) => {
    const root = document.querySelector(`.slidev-page-${slide}`)!
    const button = root.querySelector<HTMLButtonElement>('button[title="Run code"]')!
    const shown = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no output after 120 s: ${root.querySelector('.slidev-runner-output')?.textContent}`)), 120_000)
      const observer = new MutationObserver(() => {
        if (root.querySelector('.live-zig-stdout')?.textContent === expected) {
          observer.disconnect()
          clearTimeout(timer)
          requestAnimationFrame(() => resolve(performance.now()))
        }
      })
      observer.observe(root, { childList: true, characterData: true, subtree: true })
    })
    const clicked = performance.now()
    button.click()
    return await shown - clicked
  }, { slide, expected })
}

export async function zigCompilerBench(browser: Browser, site: Site, repeats = 3): Promise<ZigCompilerBench> {
  const manifest = JSON.parse(readFileSync(join(site.dir, COMPILER_DIR, COMPILER_MANIFEST), 'utf8')) as CompilerManifest
  const files = manifest.files.map(f => ({ name: f.name, bytes: f.bytes, gzipBytes: gzipSync(readFileSync(join(site.dir, COMPILER_DIR, f.name))).length }))
  const slide = await slideWith(/@\/zig\/src\/greet\.zig \{monaco-run\}/)
  const source = greet()
  const greeting = (word: string) => ['Node', 'Deno', 'Bun', 'workerd', 'you'].map(n => `${word}, ${n}!\n`).join('')
  const context = await newBenchContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(`${site.url}${slide}`)
    await page.locator(`.slidev-page-${slide} .live-zig-stdout`).waitFor({ timeout: 60_000 }) // the prebuilt run
    const firstMs = await editAndTime(page, slide, source.replace('"Hello"', '"Edit 0"'), greeting('Edit 0'))
    const repeatMs: number[] = []
    for (let i = 1; i <= repeats; i++)
      repeatMs.push(await editAndTime(page, slide, source.replace('"Hello"', `"Edit ${i}"`), greeting(`Edit ${i}`)))
    return { files, firstMs, repeatMs }
  }
  finally {
    await context.close()
  }
}

if (process.argv[1]?.endsWith('zig-compiler.ts')) {
  const { chromium } = await import('playwright-core')
  const { findChromium } = await import('../scripts/lib/find-browser.mjs')
  const { serveDist } = await import('../scripts/lib/serve-dist.mjs')
  const { siteFiles } = await import('../scripts/lib/site-files')
  const i = process.argv.indexOf('--dir')
  const dir = join(root, i > 0 ? process.argv[i + 1] : 'dist')
  const r = process.argv.indexOf('--repeats')
  const b = process.argv.indexOf('--base')
  const server = await serveDist({ dir, base: b > 0 ? process.argv[b + 1] : '/' })
  const executablePath = findChromium()
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--disable-background-networking'] })
  try {
    const result = await zigCompilerBench(browser, { dir, url: server.url, files: siteFiles(dir) }, r > 0 ? Number(process.argv[r + 1]) : 3)
    console.log(JSON.stringify(result, null, 2))
  }
  finally {
    await browser.close()
    await server.close()
  }
}
