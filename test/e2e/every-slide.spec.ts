import { deckSlides } from './deck-slides'
import { expect, openSlide, test } from './fixtures'

const slides = await deckSlides()

test('the deck has its slides', () => {
  expect(slides.length).toBeGreaterThanOrEqual(3)
})

for (const { no, title } of slides) {
  test(`slide ${no} "${title}" renders by deep link, cleanly and offline`, async ({ page, problems }) => {
    const slide = await openSlide(page, no)
    if (title)
      await expect(slide.locator('h1').first()).toHaveText(title)
    await expect(slide).not.toContainText('An error occurred on this slide')
    // Let demos that run on entering the slide finish before judging the console.
    await page.waitForTimeout(500)
    await expect(slide.locator('.wasi-run-button:disabled')).toHaveCount(0, { timeout: 15_000 })
    expect(problems.pageErrors).toEqual([])
    expect(problems.consoleErrors).toEqual([])
    expect(problems.foreignRequests).toEqual([])
  })
}

test('the seed slide shows both columns', async ({ page }) => {
  const no = slides.find(s => s.title === 'JS+WASM runtimes')!.no
  const slide = await openSlide(page, no)
  const left = slide.locator('.col-left')
  const right = slide.locator('.col-right')
  await expect(left.locator('h1')).toHaveText('JS+WASM runtimes')
  await expect(left).toContainText('Fastly Compute@Edge (SpiderMonkey)')
  await expect(left).toContainText('-target wasm32-wasi')
  await expect(left).toContainText('GraalWasm')
  await expect(right.locator('h1')).toHaveText('WASI in Workers')
  await expect(right.locator('pre')).toContainText('import { WASI } from "@cloudflare/workers-wasi"')
  await expect(right.locator('pre')).toContainText('ctx.waitUntil(wasi.start(instance))')
  for (const column of [left, right]) {
    const box = await column.boundingBox()
    expect(box!.width).toBeGreaterThan(200)
    expect(box!.height).toBeGreaterThan(100)
  }
})
