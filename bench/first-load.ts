// First load of a built deck in Chromium, cold (a new browser context each time): when
// slide 1 is on screen, how many bytes of JS and CSS were fetched before it (gzip, as a
// static host would send them), and what else the page fetches while it stays there.
import type { Browser, BrowserContext } from 'playwright-core'
import type { HeavyKind, SiteFile } from '../tooling/lib/site-files'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { fileAt } from '../tooling/lib/site-files'

export interface Site {
  /** The folder `slidev build` wrote. */
  dir: string
  /** Where it is served, ending in "/" (the base path included). */
  url: string
  files: Map<string, SiteFile>
}

export interface FirstLoad {
  /** Navigation start to slide 1's heading painted, in ms. */
  shownMs: number
  /** JS and CSS requested before slide 1 was shown. */
  jsCss: { files: number, bytes: number, gzipBytes: number }
  /** Heavy files fetched while the page stayed on slide 1 (see tooling/lib/site-files.ts). */
  heavy: Record<HeavyKind, string[]>
  /** Requests that left the site's origin. */
  foreign: string[]
}

declare global {
  interface Window {
    __slideOneShown?: Promise<number>
    /** In every bench page: performance.now() once the next frame was painted. */
    __nextPaint?: () => Promise<number>
    /** In every bench page: performance.now() once `shown()` holds (checked on every change under `root`) and a frame with it was painted. */
    __paintedWhen?: (shown: () => boolean, root: Node) => Promise<number>
  }
}

/** In the page, before its scripts: the timing helpers every bench page has (Window.__nextPaint, __paintedWhen). */
function definePaintTimers() {
  // The next frame paints what is in the page now; the message after that frame runs once it is painted.
  window.__nextPaint = () => new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    })
  })
  window.__paintedWhen = (shown, root) => new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!shown())
        return
      observer.disconnect()
      resolve(window.__nextPaint!())
    })
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true })
  })
}

/** Resolves with performance.now() once `.slidev-page-1 h1` has a box and a frame was painted with it. */
function watchSlideOne() {
  performance.setResourceTimingBufferSize(10_000)
  window.__slideOneShown = window.__paintedWhen!(() => {
    const box = document.querySelector('.slidev-page-1 h1')?.getBoundingClientRect()
    return box !== undefined && box.width > 0 && box.height > 0
  }, document)
}

/**
 * A fresh context (cold cache) with the deck's 980×552 viewport and the page's timing helpers.
 * tsx keeps function names with an `__name()` helper that functions sent to the page still
 * call: the page gets a stand-in.
 */
export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 980, height: 552 } })
  await context.addInitScript('globalThis.__name = (fn) => fn')
  await context.addInitScript(definePaintTimers)
  return context
}

const gzipCache = new Map<string, number>()
/** A site file's size gzipped (what a static host sends). */
export function gzipBytes(site: Site, path: string): number {
  const key = join(site.dir, path)
  let size = gzipCache.get(key)
  if (size === undefined) {
    size = gzipSync(readFileSync(key)).length
    gzipCache.set(key, size)
  }
  return size
}

function heavyIn(site: Site, urls: string[]): Record<HeavyKind, string[]> {
  const heavy: Record<HeavyKind, string[]> = { monaco: [], runner: [], wasm: [] }
  for (const url of new Set(urls)) {
    const file = fileAt(site.files, url, site.url)
    if (file?.kind)
      heavy[file.kind].push(file.path)
  }
  return heavy
}

function foreignIn(site: Site, urls: string[]): string[] {
  const origin = new URL(site.url).origin
  return [...new Set(urls)].filter(url => !url.startsWith(origin) && !/^(?:data|blob):/.test(url))
}

/** Opens slide 1 of the site in a fresh context, measures it, and stays `stayMs` to see what else loads. */
export async function firstLoad(browser: Browser, site: Site, stayMs: number): Promise<FirstLoad> {
  const context = await newBenchContext(browser)
  try {
    const page = await context.newPage()
    // Every request, the workers' included (they are not in the page's resource timing).
    const requested: string[] = []
    context.on('request', request => requested.push(request.url()))
    await page.addInitScript(watchSlideOne)
    await page.goto(`${site.url}1`)
    const shownMs = await page.evaluate(() => window.__slideOneShown!)
    await page.waitForTimeout(stayMs)
    const entries = await page.evaluate(() => performance.getEntriesByType('resource').map(e => ({ url: e.name, start: e.startTime })))

    const jsCss = { files: 0, bytes: 0, gzipBytes: 0 }
    for (const { url, start } of entries) {
      const file = fileAt(site.files, url, site.url)
      if (file && start <= shownMs && /\.(?:js|css)$/.test(file.path)) {
        jsCss.files++
        jsCss.bytes += file.bytes
        jsCss.gzipBytes += gzipBytes(site, file.path)
      }
    }
    return { shownMs, jsCss, heavy: heavyIn(site, requested), foreign: foreignIn(site, requested) }
  }
  finally {
    await context.close()
  }
}

/** Heavy files the page at `slide` fetches within `stayMs` (the detector's positive control). */
export async function heavyFetchedOn(browser: Browser, site: Site, slide: number, stayMs: number): Promise<Set<HeavyKind>> {
  const context = await newBenchContext(browser)
  try {
    const requested: string[] = []
    context.on('request', request => requested.push(request.url()))
    const page = await context.newPage()
    await page.goto(`${site.url}${slide}`)
    await page.locator(`.slidev-page-${slide}`).waitFor()
    await page.waitForTimeout(stayMs)
    const heavy = heavyIn(site, requested)
    return new Set((Object.keys(heavy) as HeavyKind[]).filter(kind => heavy[kind].length > 0))
  }
  finally {
    await context.close()
  }
}
