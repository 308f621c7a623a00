// Zig's own front end on the dev server: the marks and the list show while typing there too,
// and Run still compiles with the dev server's Zig.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deckSlides } from '../../tooling/lib/deck-slides'
import { root } from '../helpers/node-wasi'
import { editAndRun, expect, test } from './fixtures'

const no = (await deckSlides()).find(s => s.content.includes('<ZigCheck'))!.no
const source = readFileSync(join(root, 'zig/src/greet.zig'), 'utf8')

// The dev server compiles Monaco and the deck on first request: a cold start on a busy machine is slow.
test.setTimeout(240_000)

test('typing an unused parameter marks it and lists it; Run still compiles on the dev server', async ({ page, problems }) => {
  await page.goto(String(no))
  const slide = page.locator(`.slidev-page-${no}`)
  await expect(slide.locator('.zig-check-clean')).toBeVisible({ timeout: 150_000 })
  const broken = `${source}\nfn twice(x: u32, y: u32) u32 {\n    return x * 2;\n}\n`
  const output = await editAndRun(page, no, broken)
  const listed = slide.locator('.zig-check-messages li')
  await expect(listed).toHaveText([/^\d+:\d+: error: unused function parameter$/])
  await expect(slide.locator('.monaco-editor .squiggly-error').first()).toBeVisible()
  // The dev server's compiler finds it at the same line and column (its front end runs first).
  const [, line, column] = /^(\d+):(\d+):/.exec((await listed.first().textContent())!.trim())!
  await expect(output.locator('.live-zig-errors')).toContainText(`line ${line}, column ${column}: unused function parameter`, { timeout: 60_000 })
  expect(problems.pageErrors).toEqual([])
})
