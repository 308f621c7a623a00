// An editor slide opened directly (a reader follows a link to it), cold: the time from
// navigation until the editor shows the code and Run works, and the bytes fetched for
// that (gzip, as a static host would send them). Then, optionally, the first Run on the
// slide just opened, clicked as soon as it works: fetching, compiling and starting a
// worker included.
import type { Browser } from 'playwright-core'
import type { Site } from './first-load'
import { fileAt } from '../tooling/lib/site-files'
import { gzipBytes, newBenchContext } from './first-load'

export interface EditorSlide {
  slide: number
  /** A line of the code: the editor shows the code once its visible lines hold it (no editor: leave out). */
  codeLine?: string
  /** Matches, inside the slide, once Run works (an enabled button, or the first run's output). */
  ready?: string
  /** The first Run: what to click, and what appears when its result is on screen. */
  firstRun?: { click: string, done: string }
}

export interface EditorOpen {
  /** Navigation start to the code on screen with Run working, in ms. */
  readyMs: number
  /** What was fetched until then (site files; the page's workers included). */
  fetched: { files: number, bytes: number, gzipBytes: number }
  /** Click on Run to its result painted, the first Run on the slide. */
  firstRunMs?: number
}

declare global {
  interface Window { __editorReady?: Promise<number> }
}

interface WatchSpec { page: string, codeLine?: string, ready?: string }

/** Resolves with performance.now() once the editor holds the code, Run works, and a frame was painted. */
function watchEditor({ page, codeLine, ready }: WatchSpec) {
  window.__editorReady = window.__paintedWhen!(() => {
    const slide = document.querySelector(page)
    const lines = slide?.querySelector('.view-lines')?.textContent?.replace(/\u00A0/g, ' ')
    return !!slide && (!codeLine || !!lines?.includes(codeLine)) && (!ready || !!slide.querySelector(ready))
  }, document)
}

/** In the page: click, then time until `done` matches and a frame with it was painted. */
async function clickAndWait({ page, click, done }: { page: string, click: string, done: string }): Promise<number> {
  const slide = document.querySelector(page)!
  const button = slide.querySelector<HTMLElement>(click)!
  const shown = window.__paintedWhen!(() => slide.querySelector(done) !== null, slide)
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${done} within 20 s of clicking ${click}`)), 20_000)
  })
  const clicked = performance.now()
  button.click()
  try {
    return await Promise.race([shown, late]) - clicked
  }
  finally {
    clearTimeout(timer)
  }
}

/** Opens the editor slide in a fresh context (cold cache) and measures it. */
export async function openEditorSlide(browser: Browser, site: Site, editor: EditorSlide): Promise<EditorOpen> {
  const context = await newBenchContext(browser)
  try {
    const requested = new Set<string>()
    let counting = true
    context.on('request', (request) => {
      if (counting)
        requested.add(request.url())
    })
    const page = await context.newPage()
    const pageSelector = `.slidev-page-${editor.slide}`
    await page.addInitScript(watchEditor, { page: pageSelector, codeLine: editor.codeLine, ready: editor.ready })
    await page.goto(`${site.url}${editor.slide}`)
    const readyMs = await page.evaluate(() => window.__editorReady!)
    counting = false

    const fetched = { files: 0, bytes: 0, gzipBytes: 0 }
    for (const url of requested) {
      // The page itself is index.html, whatever route it was asked for.
      const file = fileAt(site.files, url, site.url) ?? (url === `${site.url}${editor.slide}` ? site.files.get('index.html') : undefined)
      if (!file)
        continue
      fetched.files++
      fetched.bytes += file.bytes
      fetched.gzipBytes += gzipBytes(site, file.path)
    }
    const firstRunMs = editor.firstRun && await page.evaluate(clickAndWait, { page: pageSelector, ...editor.firstRun })
    return { readyMs, fetched, firstRunMs }
  }
  finally {
    await context.close()
  }
}
