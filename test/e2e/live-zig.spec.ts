// Live Zig on the built site: no compiler, so unedited code runs its prebuilt module
// and edited code says what it would need.
import { deckSlides, slideTitled } from '../../scripts/lib/deck-slides'
import { expect, openSlide, test } from './fixtures'

const slides = await deckSlides()
const no = slideTitled(slides, 'Live Zig: edit, compile, run')

test('unedited code runs its prebuilt module; edited code explains that compiling needs npm run dev', async ({ page }) => {
  const slide = await openSlide(page, no)
  const output = slide.locator('.slidev-runner-output')
  await expect(output.locator('.live-zig-stdout')).toHaveText('Hello, Node!\nHello, Deno!\nHello, Bun!\nHello, workerd!\nHello, you!\n', { timeout: 20_000 })
  await expect(output).toContainText('prebuilt greet.wasm')
  await slide.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' ')
  await slide.locator('button[title="Run code"]').click()
  await expect(output).toContainText('there is no compiler here', { timeout: 10_000 })
  await expect(output).toContainText('npm run dev')
})
