// `npm run dev`, as the speaker opens it: the deck loads with nothing going wrong in the
// console (no 404 for a favicon the page never declared) and nothing leaving the machine.
import { expect, test } from './fixtures'

test('the dev server\'s deck opens with a clean console, its own favicon and no failed request', async ({ page, problems, request, baseURL }) => {
  // A page whose HTML declares no icon makes the browser ask for /favicon.ico (a 404 and a
  // console error in a headed browser; headless Chromium skips that request).
  const html = await (await request.get(baseURL!)).text()
  expect(/<head>[\s\S]*<link rel="icon"[\s\S]*<\/head>/.test(html), 'the HTML head declares an icon').toBe(true)

  const failed: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400)
      failed.push(`${r.status()} ${r.url()}`)
  })
  await page.goto('1')
  await expect(page.locator('.slidev-page-1 h1')).toBeVisible({ timeout: 60_000 })
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg')
  await page.waitForTimeout(1000)
  expect(failed).toEqual([])
  expect(problems.consoleErrors).toEqual([])
  expect(problems.pageErrors).toEqual([])
  expect(problems.foreignRequests).toEqual([])
})
