// One press of an arrow key moves one slide, even on a machine so busy that the page
// stalls right after the key goes down (Slidev repeats a held key after 1 s, and a stall
// used to count as holding it: one ArrowRight moved two slides).
import { expect, openSlide, test } from './fixtures'

test('one ArrowRight moves one slide, even when the page stalls for 1.5 s after the key goes down', async ({ page }) => {
  await openSlide(page, 2)
  await page.evaluate(() => window.addEventListener('keydown', () => {
    const end = performance.now() + 1500
    while (performance.now() < end) { /* a busy machine */ }
  }, { once: true }))
  await page.keyboard.down('ArrowRight')
  await page.waitForTimeout(100)
  await page.keyboard.up('ArrowRight')
  await expect(page).toHaveURL(/\/3$/)
  await page.waitForTimeout(2500)
  await expect(page).toHaveURL(/\/3$/)
})
