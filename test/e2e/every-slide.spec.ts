import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deckSlides, slideTitled } from '../../tooling/lib/deck-slides'
import { root } from '../helpers/node-wasi'
import { expect, openSlide, test } from './fixtures'

const slides = await deckSlides()
const workerFirstLine = readFileSync(join(root, 'demos/cloudflare-worker/src/index.js'), 'utf8').split('\n')[0]

// Slidev's canvas is 980 px wide: at this size a slide is drawn 1:1.
test.use({ viewport: { width: 980, height: 552 } })

/**
 * What is drawn outside the slide: text and form elements (a scaled <Transform> keeps its
 * unscaled layout box, so containers are not judged), except inside boxes that scroll.
 */
async function overflowing(page: import('@playwright/test').Page, no: number): Promise<string[]> {
  return page.evaluate((n) => {
    const slide = document.querySelector(`.slidev-page-${n}`)!
    const frame = slide.getBoundingClientRect()
    const clips = (el: Element) => {
      for (let e = el.parentElement; e && e !== slide; e = e.parentElement) {
        if (getComputedStyle(e).overflow !== 'visible')
          return true
      }
      return false
    }
    const out: string[] = []
    for (const el of slide.querySelectorAll('*')) {
      // A code block is drawn: its lines scroll inside it, but the block must stay on the slide.
      const drawn = ['INPUT', 'TEXTAREA', 'BUTTON', 'IMG', 'SVG', 'CANVAS', 'PRE'].includes(el.tagName.toUpperCase())
        || [...el.childNodes].some(c => c.nodeType === Node.TEXT_NODE && c.textContent!.trim() !== '')
      const r = el.getBoundingClientRect()
      if (!drawn || r.width === 0 || r.height === 0 || clips(el))
        continue
      if (r.left < frame.left - 1 || r.top < frame.top - 1 || r.right > frame.right + 1 || r.bottom > frame.bottom + 1)
        out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${(el.textContent ?? '').trim().slice(0, 40)} [${Math.round(r.right - frame.left)}x${Math.round(r.bottom - frame.top)}]`)
    }
    // No box may reach past the slide's right edge, drawn or not.
    for (const el of slide.querySelectorAll('*')) {
      const r = el.getBoundingClientRect()
      if (r.width > 0 && !clips(el) && r.right > frame.right + 1)
        out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> reaches ${Math.round(r.right - frame.left)} px across`)
    }
    // Code on a slide is read, not scrolled: no line may be cut.
    for (const code of slide.querySelectorAll<HTMLElement>('pre.slidev-code')) {
      if (code.scrollWidth > code.clientWidth + 1 || code.scrollHeight > code.clientHeight + 1)
        out.push(`code block cut: ${code.scrollWidth}x${code.scrollHeight} in ${code.clientWidth}x${code.clientHeight}: ${(code.textContent ?? '').slice(0, 40)}`)
    }
    return out
  }, no)
}

/** A title as markdown-it's typographer draws it: ' may become ’. */
function asRendered(title: string): RegExp {
  return new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, '[\'’]')}\\s*$`)
}

test('the deck has its slides', () => {
  expect(slides.length).toBeGreaterThanOrEqual(3)
})

for (const { no, title } of slides) {
  test(`slide ${no} "${title}" renders by deep link, cleanly and offline`, async ({ page, problems }) => {
    const slide = await openSlide(page, no)
    if (title)
      await expect(slide.locator('h1').first()).toHaveText(asRendered(title))
    await expect(slide).not.toContainText('An error occurred on this slide')
    // Let demos that run on entering the slide finish before judging the console.
    await page.waitForTimeout(500)
    await expect(slide.locator('.wasi-run-button:disabled')).toHaveCount(0, { timeout: 15_000 })
    expect(problems.pageErrors).toEqual([])
    expect(problems.consoleErrors).toEqual([])
    expect(problems.foreignRequests).toEqual([])
    expect(await overflowing(page, no), 'content drawn outside the 980x552 slide').toEqual([])
  })
}

test('the 2023 slide, at full size on two slides: the runtimes, then the Worker', async ({ page }) => {
  const list = await openSlide(page, slideTitled(slides, 'JS+WASM runtimes'))
  await expect(list).toContainText('Fastly Compute (SpiderMonkey)')
  await expect(list).toContainText('-target wasm32-wasi')
  await expect(list).toContainText('GraalWasm')
  const worker = await openSlide(page, slideTitled(slides, 'WASI in Workers'))
  await expect(worker.locator('pre')).toContainText(workerFirstLine)
  await expect(worker.locator('pre')).toContainText('ctx.waitUntil(exit)')
  // Its 41 lines in two columns of code, side by side.
  const no = slideTitled(slides, 'WASI in Workers')
  const shift = () => page.evaluate((n) => {
    const lines = [...document.querySelectorAll(`.slidev-page-${n} pre .line`)]
    const later = lines.find(l => l.textContent?.includes('ctx.waitUntil(exit)'))
    return later ? later.getBoundingClientRect().left - lines[0].getBoundingClientRect().left : -1
  }, no)
  await expect.poll(shift).toBeGreaterThan(200)
})
