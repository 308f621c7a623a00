// The comparison slide with `npm run dev`: the button runs a case on every runtime
// of this machine through the dev server, and each row turns live as it answers.
import { deckSlides } from '../../tooling/lib/deck-slides'
import { expect, test } from './fixtures'

const slides = await deckSlides()
const no = slides.find(s => s.title === 'Same bytes, every runtime here')!.no
/** Runtimes every machine that runs the suite has (npm install brings them; Chromium is the page's own browser too). */
const ALWAYS = ['node', 'node24', 'lambda', 'deno', 'deno-serve', 'bun', 'workerd', 'pages', 'chromium', 'firefox']

// Every runtime runs one after the other, a JVM among them: minutes on a loaded 2-core machine.
test.setTimeout(600_000)

test('Run on every runtime: each local runtime\'s row updates with a live, checked result', async ({ page, problems }) => {
  await page.goto(String(no))
  const slide = page.locator(`.slidev-page-${no}`)
  const button = slide.locator('.live-run')
  await expect(button).toBeEnabled({ timeout: 60_000 })
  for (const id of ALWAYS)
    await expect(slide.locator(`tr[data-runtime="${id}"]`), id).toHaveAttribute('data-state', 'recorded')
  await slide.locator('.live-controls select').selectOption('mandelbrot 160x60x20000')
  await button.click()
  await expect(button).toBeDisabled()
  await expect(slide.locator('.live-status')).toContainText(/running mandelbrot 160x60x20000 on \d+ runtimes/)
  const planned = Number(/on (\d+) runtimes/.exec(await slide.locator('.live-status').textContent() ?? '')![1])
  expect(planned).toBeGreaterThanOrEqual(ALWAYS.length)
  // The end: every runtime answered (the runtimes installed apart from npm too, when they are).
  const status = slide.locator('.live-status')
  await expect(status).toHaveText(/^\d+\/\d+ runtimes gave node:wasi's bytes, live/, { timeout: 540_000 })
  await expect(button).toBeEnabled()
  const live = slide.locator('tr[data-state="live"]')
  await expect(live).toHaveCount(planned)
  const checks = await live.locator('.status').allTextContents()
  // Each either gave node:wasi's bytes or says it cannot run this case (the Pages Function runs demo only).
  for (const check of checks)
    expect(check.trim()).toMatch(/^(✓ live|– .+)$/)
  const carried = checks.filter(c => c.trim() === '✓ live').length
  const skipped = planned - carried
  await expect(status).toHaveText(new RegExp(`^${carried}/${carried} runtimes gave node:wasi's bytes, live${skipped ? ` \\(cannot run this case: .+\\)` : ''}$`))
  for (const id of ALWAYS) {
    const row = slide.locator(`tr[data-runtime="${id}"]`)
    await expect(row, id).toHaveAttribute('data-state', 'live')
    await expect(row.locator('.status'), id).toHaveText(id === 'pages' ? '– demo only' : '✓ live')
    await expect(row.locator('.timing-bar.start .value'), id).toHaveText(/^\d+ ms$/)
    // Every runtime with a JS host timed _start to exit (the Pages Function is the slide's Worker: demo only).
    if (id !== 'pages')
      await expect(row.locator('.timing-bar.compute .value'), id).toHaveText(/^\d+ ms$/)
  }
  expect(problems.pageErrors).toEqual([])
})
