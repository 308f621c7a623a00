// Zig's own front end on the Live Zig slide of the built site: zig-check.wasm loads when
// the slide is entered; a broken edit is listed as `zig ast-check` prints it and marked on
// its line; "zig fmt" gives Zig's formatting; input that could hang a parser does not.
import type { Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deckSlides } from '../../tooling/lib/deck-slides'
import { root } from '../../tooling/lib/paths.mjs'
import { findZig } from '../../tooling/lib/zig-toolchain.mjs'
import { expect, openSlide, test } from './fixtures'

const no = (await deckSlides()).find(s => s.content.includes('<ZigCheck'))!.no
const source = readFileSync(join(root, 'zig/src/greet.zig'), 'utf8')
const zig = findZig()
const zigBin = 'bin' in zig ? zig.bin : undefined

test.setTimeout(120_000)

/** Replaces the editor's text, as a paste would (the slide's Run is not pressed). */
async function type(page: Page, code: string) {
  const slide = page.locator(`.slidev-page-${no}`)
  await slide.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(code)
}

test('zig-check.wasm loads on the Live Zig slide, not on the slide before it', async ({ page }) => {
  const fetched: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('/zig-check.wasm'))
      fetched.push(r.url())
  })
  await openSlide(page, no - 1)
  await page.waitForTimeout(4000) // Slidev mounts the next slide ahead: it must not fetch the module
  expect(fetched).toEqual([])
  await page.keyboard.press('ArrowRight')
  await expect(page.locator(`.slidev-page-${no} .zig-check-clean`)).toHaveText('no errors before types', { timeout: 60_000 })
  expect(fetched).toHaveLength(1)
})

test('a broken edit is listed as zig ast-check prints it and marked on its line; zig fmt formats the code', async ({ page, problems }) => {
  const slide = await openSlide(page, no)
  await expect(slide.locator('.zig-check-clean')).toBeVisible({ timeout: 60_000 })

  // An unused local in main, typed as a reader would.
  const broken = source.replace(/(pub fn main\([^)]*\)[^{]*\{\n)/, '$1    const unused = 42;\n')
  expect(broken).not.toBe(source)
  const line = broken.split('\n').findIndex(l => l.includes('const unused = 42;')) + 1
  await type(page, broken)
  const listed = slide.locator('.zig-check-messages li')
  await expect(listed).toHaveText([`${line}:11: error: unused local constant`])
  if (zigBin) {
    // The real compiler says the same, byte for byte (without the file name).
    const r = spawnSync(zigBin, ['ast-check', '--color', 'off'], { input: broken, encoding: 'utf8' })
    expect(r.stderr.split('\n').filter(l => l.startsWith('<stdin>:')).map(l => l.slice('<stdin>:'.length))).toEqual(await listed.allTextContents().then(t => t.map(s => s.trim())))
  }
  // The squiggle sits on that line of the editor, starting at the name.
  const squiggle = slide.locator('.monaco-editor .squiggly-error').first()
  await expect(squiggle).toBeVisible()
  const errorLine = slide.locator('.monaco-editor .view-line', { hasText: 'const unused = 42;' })
  const [s, l] = [await squiggle.boundingBox(), await errorLine.boundingBox()]
  expect(Math.abs(s!.y + s!.height / 2 - (l!.y + l!.height / 2))).toBeLessThan(l!.height / 2)

  // Run on the built site: the front end's verdict, then the line saying compiling needs the dev server.
  await slide.locator('button[title="Run code"]').click()
  const output = slide.locator('.slidev-runner-output')
  await expect(output.locator('.live-zig-verdict')).toHaveText(`${line}:11: error: unused local constant`)
  await expect(output.locator('.live-zig-needs-server')).toHaveText('Compiling edited code needs the dev server (npm run dev); this page has the prebuilt program only.')

  // Fixed again: the list empties and the mark goes.
  await type(page, source)
  await expect(slide.locator('.zig-check-clean')).toBeVisible()
  await expect(slide.locator('.monaco-editor .squiggly-error')).toHaveCount(0)

  // Squeezed out of shape (no indentation, no spaces in the list), then zig fmt: Zig's renderer gives the
  // committed program back byte for byte, so the slide finds its prebuilt module again and runs it.
  const squeezed = source.replace(/^ +/gm, '').replace('.{ greeting, name }', '.{greeting,name}')
  expect(squeezed).not.toBe(source)
  await type(page, squeezed)
  await expect(slide.locator('.zig-check-clean')).toBeVisible()
  await expect(output.locator('.live-zig-needs-server')).toBeVisible()
  await slide.locator('.zig-fmt-button').click()
  await expect(slide.locator('.zig-fmt-note')).toHaveText('zig fmt: formatted')
  await expect(output.locator('.live-zig-info')).toContainText('prebuilt greet.wasm')
  await expect(output.locator('.live-zig-stdout')).toContainText('Hello, Node!')
  expect(problems.pageErrors).toEqual([])
  expect(problems.foreignRequests).toEqual([])
})

test('10,000 nested braces and 20,000 prefix operators: one line each, and the next edit is checked', async ({ page, problems }) => {
  const slide = await openSlide(page, no)
  await expect(slide.locator('.zig-check-clean')).toBeVisible({ timeout: 60_000 })
  await type(page, `pub fn main() void {${'{'.repeat(10_000)}${'}'.repeat(10_000)}}\n`)
  await expect(slide.locator('.zig-check-problem')).toHaveText('not checked: brackets nest more than 1000 levels deep: not checked here')
  await type(page, `const a = ${'-'.repeat(20_000)}1;\n`)
  await expect(slide.locator('.zig-check-problem')).toHaveText(/^zig-check stopped \(wasm trap: .+\): std's parser and AstGen recurse, and deep nesting exhausts the stack$/)
  await type(page, 'const a = 1;\nconst a = 2;\n')
  await expect(slide.locator('.zig-check-messages li').first()).toHaveText('1:7: error: duplicate struct member name \'a\'')
  await page.keyboard.press('Escape')
  expect(problems.pageErrors).toEqual([])
})
