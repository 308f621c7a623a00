// The comparison slide with `npm run dev`: the button runs a case on every runtime
// of this machine through the dev server, and each row turns live as it answers.
import { deckSlides } from '../../tooling/lib/deck-slides'
import { expect, test } from './fixtures'

const slides = await deckSlides()
const no = slides.find(s => s.title === 'Same bytes, every runtime here')!.no
/** The runtimes this machine has (the list; Chromium is the page's own browser too). */
const LOCAL = ['node', 'node24', 'lambda', 'deno', 'deno-serve', 'bun', 'workerd', 'pages', 'chromium', 'firefox']

test.setTimeout(300_000)

test('Run on every runtime: each local runtime\'s row updates with a live, checked result', async ({ page, problems }) => {
  await page.goto(String(no))
  const slide = page.locator(`.slidev-page-${no}`)
  const button = slide.locator('.live-run')
  await expect(button).toBeEnabled({ timeout: 60_000 })
  for (const id of LOCAL)
    await expect(slide.locator(`tr[data-runtime="${id}"]`), id).toHaveAttribute('data-state', 'recorded')
  await slide.locator('.live-controls select').selectOption('mandelbrot 160x60x20000')
  await button.click()
  await expect(button).toBeDisabled()
  await expect(slide.locator('.live-status')).toContainText('running mandelbrot 160x60x20000')
  for (const id of LOCAL) {
    const row = slide.locator(`tr[data-runtime="${id}"]`)
    await expect(row, id).toHaveAttribute('data-state', 'live', { timeout: 120_000 })
    // The Pages Function is the slide's Worker: it runs demo only, and says so.
    await expect(row.locator('.status'), id).toHaveText(id === 'pages' ? '– demo only' : '✓ live')
    await expect(row.locator('.timing-bar.start .value'), id).toHaveText(/^\d+ ms$/)
  }
  // Every runtime with a JS host timed _start to exit (the Pages Function is the slide's Worker: demo only).
  for (const id of LOCAL.filter(id => id !== 'pages'))
    await expect(slide.locator(`tr[data-runtime="${id}"] .timing-bar.compute .value`), id).toHaveText(/^\d+ ms$/)
  const carried = LOCAL.length - 1
  await expect(slide.locator('.live-status')).toHaveText(`${carried}/${carried} runtimes gave node:wasi's bytes, live (Pages Function (_worker.js): demo only)`, { timeout: 60_000 })
  await expect(button).toBeEnabled()
  expect(problems.pageErrors).toEqual([])
})
