// Live Zig on the built site (no dev server): unedited code runs its prebuilt module;
// edited code gets the front end's verdict and one honest line, since compiling needs the dev server.
import { deckSlides, slideTitled } from '../../tooling/lib/deck-slides'
import { expect, openSlide, test } from './fixtures'

const slides = await deckSlides()
const no = slideTitled(slides, 'Live Zig: edit, compile, run')

test.setTimeout(120_000)

test('unedited code runs its prebuilt module', async ({ page }) => {
  const slide = await openSlide(page, no)
  const output = slide.locator('.slidev-runner-output')
  await expect(output.locator('.live-zig-stdout')).toHaveText('Hello, Node!\nHello, Deno!\nHello, Bun!\nHello, workerd!\nHello, you!\n', { timeout: 20_000 })
  await expect(output).toContainText('prebuilt greet.wasm')
})

test('edited code gets Zig\'s front-end verdict and one line saying compiling needs the dev server; undone, the program runs again', async ({ page, problems }) => {
  const slide = await openSlide(page, no)
  const editor = slide.locator('.monaco-editor .view-lines')
  const output = slide.locator('.slidev-runner-output')
  await expect(output.locator('.live-zig-stdout')).toContainText('Hello, Node!', { timeout: 20_000 })

  // Edit as a speaker would: select the greeting's word and type another.
  await editor.locator('.view-line', { hasText: 'const greeting' }).getByText('Hello').dblclick()
  await page.keyboard.type('Servus')
  await expect(editor).toContainText('const greeting = "Servus";')
  await slide.locator('button[title="Run code"]').click()
  // Zig's own front end (zig-check.wasm) gives its verdict first, then the line about the dev server.
  await expect(output.locator('.live-zig-verdict')).toHaveText('zig ast-check, in this page: no errors before types (types are checked by the compiler)', { timeout: 20_000 })
  await expect(output.locator('.live-zig-needs-server')).toHaveText('Compiling edited code needs the dev server (npm run dev); this page has the prebuilt program only.')
  await expect(output.locator('.live-zig-stdout')).toHaveCount(0)

  // Undo the edit (what the speaker notes say to do) and Run: the prebuilt module runs again.
  await editor.locator('.view-line', { hasText: 'const greeting' }).click()
  for (let i = 0; i < 10 && !(await editor.textContent())?.includes('"Hello"'); i++)
    await page.keyboard.press('ControlOrMeta+z')
  await expect(editor).toContainText('const greeting = "Hello";')
  await slide.locator('button[title="Run code"]').click()
  await expect(output.locator('.live-zig-stdout')).toHaveText('Hello, Node!\nHello, Deno!\nHello, Bun!\nHello, workerd!\nHello, you!\n', { timeout: 20_000 })
  await expect(output).toContainText('prebuilt greet.wasm')
  expect(problems.pageErrors).toEqual([])
  expect(problems.foreignRequests).toEqual([])
})
