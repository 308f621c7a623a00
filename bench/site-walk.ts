// Which files of the built site a reader can make the page fetch: a walk through every
// slide (each demo's first run included), then Slidev's other views. What the walk never
// fetched is either explained (ON_REQUEST) or dead weight in the site.
import type { Browser } from 'playwright-core'
import type { Site } from './first-load'
import { fileAt } from '../tooling/lib/site-files'
import { newBenchContext } from './first-load'

/** Slidev's views besides the slides (from the deck's menu, or a mistyped link: its 404 page). */
const VIEWS = ['overview', 'presenter/1', 'notes', 'notes-edit', 'entry', 'print', 'presenter/print', 'export', 'no/such/page']

/** Files the walk cannot reach by looking, and what does fetch them. */
export const ON_REQUEST: Array<{ test: RegExp, why: string }> = [
  { test: /^[\w-]+\.pdf$/, why: 'the deck\'s download button (download: in slides.md)' },
  { test: /^(?:404\.html|_redirects)$/, why: 'the static host, for deep links' },
  { test: /^assets\/logo-[\w-]+\.png$/, why: 'Slidev\'s info dialog' },
  { test: /^assets\/FileSaver\.min-[\w-]+\.js$/, why: 'the deck\'s download button' },
  { test: /^assets\/codicon-[\w-]+\.ttf$/, why: 'Monaco\'s icons (find widget, context menu)' },
  { test: /^assets\/editor\.worker-[\w-]+\.js$/, why: 'Monaco, when an editor computes links or word suggestions' },
]

/** Waits until no request has started for `quietMs` (at most `maxMs`). */
async function settle(lastRequest: () => number, quietMs = 500, maxMs = 8000): Promise<void> {
  const started = Date.now()
  while (Date.now() - started < maxMs && Date.now() - lastRequest() < quietMs)
    await new Promise(resolve => setTimeout(resolve, 100))
}

/** Visits every slide in turn and every view; returns the site's files that were fetched. */
export async function walkSite(browser: Browser, site: Site, slideCount: number): Promise<Set<string>> {
  const context = await newBenchContext(browser)
  const fetched = new Set<string>(['index.html'])
  let last = Date.now()
  context.on('request', (request) => {
    last = Date.now()
    const file = fileAt(site.files, request.url(), site.url)
    if (file)
      fetched.add(file.path)
  })
  try {
    const page = await context.newPage()
    await page.goto(`${site.url}1`)
    for (let no = 1; no <= slideCount; no++) {
      if (no > 1)
        await page.keyboard.press('ArrowRight')
      await page.locator(`.slidev-page-${no}`).waitFor()
      await settle(() => last)
    }
    for (const view of VIEWS) {
      await page.goto(`${site.url}${view}`)
      await settle(() => last, 800)
    }
    return fetched
  }
  finally {
    await context.close()
  }
}

/** The site's files the walk did not fetch, with the reason when one is known. */
export function notFetched(site: Site, fetched: Set<string>): Array<{ path: string, bytes: number, why?: string }> {
  return [...site.files.values()]
    .filter(file => !fetched.has(file.path))
    .map(file => ({ path: file.path, bytes: file.bytes, why: ON_REQUEST.find(r => r.test.test(file.path))?.why }))
}
