// The built deck as a reader of the hosted site meets it: under a base path, with
// deep links, presenter and overview routes, and the PDF to download.
import { deckSlides, slideTitled } from '../../tooling/lib/deck-slides'
import { expect, openSlide, test } from './fixtures'

const slides = await deckSlides()

test('the talk has a main line of 25 to 35 slides (backups after "Thank you"), each slide with speaker notes', () => {
  const main = slides.findIndex(s => s.title === 'Thank you') + 1
  expect(main).toBeGreaterThanOrEqual(25)
  expect(main).toBeLessThanOrEqual(35)
  expect(slides.filter(s => s.note.trim() === '').map(s => s.title)).toEqual([])
})

test('the presenter view shows the current slide, the next one and the notes', async ({ page, problems }) => {
  const runtimesSlide = slides[slideTitled(slides, 'JS+WASM runtimes') - 1]
  await page.goto(`presenter/${runtimesSlide.no}`)
  await expect(page.locator(`#slide-content .slidev-page-${runtimesSlide.no} h1`).first()).toHaveText('JS+WASM runtimes')
  await expect(page.locator(`.slidev-page-${runtimesSlide.no + 1} h1`).first()).toHaveText(slides[runtimesSlide.no].title)
  await expect(page.locator('.slidev-note').first()).toContainText('The ones within brackets are JS engines.')
  expect(problems.pageErrors).toEqual([])
  expect(problems.foreignRequests).toEqual([])
})

test('the overview lists every slide', async ({ page, problems }) => {
  await page.goto('overview')
  await expect(page.locator('.slidev-page')).toHaveCount(slides.length, { timeout: 20_000 })
  expect(problems.foreignRequests).toEqual([])
})

test('the PDF can be downloaded from the site', async ({ page, request, baseURL }) => {
  const response = await request.get(`${baseURL}zig-wasi-everywhere.pdf`)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/pdf')
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-')
  await openSlide(page, 1)
  // Slidev's own download button points at the same file.
  await page.mouse.move(20, 700)
  const link = page.locator('a[download], button[title*="Download" i], a[title*="Download" i]').first()
  await expect(link).toHaveCount(1)
})

test('the wasm is served as application/wasm', async ({ request, baseURL }) => {
  const response = await request.get(`${baseURL}wasm/demo.wasm`)
  expect(response.headers()['content-type']).toBe('application/wasm')
})

test('the favicon is the deck\'s own, under the base path', async ({ page, request, baseURL }) => {
  await openSlide(page, 2)
  const href = await page.locator('link[rel="icon"]').getAttribute('href')
  expect(href).toBe(`${new URL(baseURL!).pathname}favicon.svg`)
  const response = await request.get(new URL(href!, baseURL).href)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('image/svg+xml')
})
