// A page that records what a reader of the deck would see go wrong: console
// errors, uncaught exceptions, and any request that leaves the deck's origin.
import type { Page } from '@playwright/test'
import { test as base, expect } from '@playwright/test'

export interface DeckProblems {
  consoleErrors: string[]
  pageErrors: string[]
  foreignRequests: string[]
}

export const test = base.extend<{ problems: DeckProblems }>({
  problems: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL!).origin
    const problems: DeckProblems = { consoleErrors: [], pageErrors: [], foreignRequests: [] }
    page.on('console', (m) => {
      if (m.type() === 'error')
        problems.consoleErrors.push(m.text())
    })
    page.on('pageerror', e => problems.pageErrors.push(e.message))
    await page.context().route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin)
        return route.continue()
      problems.foreignRequests.push(url)
      return route.abort()
    })
    await use(problems)
  },
})

export { expect }

/** Opens slide `no` by deep link and waits until it is shown. */
export async function openSlide(page: Page, no: number | string) {
  await page.goto(String(no))
  const slide = page.locator(`.slidev-page-${no}`)
  await expect(slide).toBeVisible()
  return slide
}

/** Replaces the code of the {monaco-run} block on slide `no` and presses its Run: the output box. */
export async function editAndRun(page: Page, no: number, code: string) {
  const slide = page.locator(`.slidev-page-${no}`)
  await slide.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(code)
  await slide.locator('button[title="Run code"]').click()
  return slide.locator('.slidev-runner-output')
}
