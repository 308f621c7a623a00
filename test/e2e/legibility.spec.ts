// Every slide, main line and backup, legible from the back of a room: at 1280x720 (a common
// venue projector) text is 14 px or more for nearly all of it, nothing is under 12 px, and
// nearly all of it has WCAG AA contrast (legibility.ts has the budget and the measurements).
// The same walk at 1024x768 reports its table and does not fail.
import type { Page } from '@playwright/test'
import type { SlideLegibility } from './legibility'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { deckSlides, slideTitled } from '../../tooling/lib/deck-slides'
import { expect, openSlide, test } from './fixtures'
import { measureTextRuns, overBudget, summarize, tableOf } from './legibility'

const slides = await deckSlides()

/** Opens each slide as the audience sees it (demos run, editors drawn) and measures it. */
async function walk(page: Page): Promise<SlideLegibility[]> {
  const out: SlideLegibility[] = []
  for (const { no, title } of slides) {
    const slide = await openSlide(page, no)
    await expect(slide.locator('.wasi-run-button:disabled')).toHaveCount(0, { timeout: 20_000 })
    if (await slide.locator('.slidev-monaco-container, .monaco-editor').count())
      await expect(slide.locator('.monaco-editor .view-lines').first()).toBeVisible({ timeout: 20_000 })
    // Let what a slide draws after its first paint (the live row of the runtime chart) settle.
    await page.waitForTimeout(500)
    out.push(summarize(no, title, await measureTextRuns(page, no)))
  }
  return out
}

/** Walks every slide at `width`x`height`, prints its table and writes it to the test's output. */
async function walkAt(page: Page, width: number, height: number): Promise<SlideLegibility[]> {
  test.setTimeout(slides.length * 30_000)
  await page.setViewportSize({ width, height })
  const measured = await walk(page)
  const name = `${width}x${height}`
  const table = tableOf(name, measured)
  process.stdout.write(`\n${table}\n\n`)
  const dir = join(test.info().project.outputDir, 'legibility')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${name}.md`), `${table}\n`)
  expect(measured.length).toBe(slides.length)
  return measured
}

test('every slide is legible at 1280x720: text >= 14 px (90 %), >= 12 px (all), contrast >= 4.5:1 (95 %)', async ({ page }) => {
  const measured = await walkAt(page, 1280, 720)
  expect(measured.every(s => s.chars > 0), 'every slide has text the walk found').toBe(true)
  expect(measured.flatMap(overBudget), 'slides over the legibility budget').toEqual([])
})

test('legibility at 1024x768 (reported, not judged)', async ({ page }) => {
  await walkAt(page, 1024, 768)
})

test('the presenter view: the notes at 16 px or more with AA contrast, the next slide and the timer shown', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  const no = slideTitled(slides, 'Same bytes, every runtime here')
  await page.goto(`presenter/${no}`)
  const notes = page.locator('.slidev-note').first()
  await expect(notes).toContainText('Start includes')
  const runs = await measureTextRuns(page, '.slidev-note')
  const small = runs.filter(r => r.px < 16 || r.contrast < 4.5)
  expect(small.map(r => `${r.what}: ${r.px.toFixed(1)} px, ${r.contrast.toFixed(2)}:1`), 'notes text under 16 px or under 4.5:1').toEqual([])
  await expect(page.locator(`.slidev-page-${no + 1}`).first()).toBeAttached()
  // The timer (Slidev's TimerInlined): minutes and seconds ("-:--" until it is started).
  await expect(page.locator('.font-mono.text-3xl').first()).toHaveText(/[\d-]+\s*:\s*[\d-]{2}/)
})
