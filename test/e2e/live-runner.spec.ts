// The live WASI runner on the slides, as the audience and the speaker use it.
import type { Locator, Page } from '@playwright/test'
import { deckSlides, slideTitled } from '../../tooling/lib/deck-slides'
import { runNodeWasi } from '../helpers/node-wasi'
import { expect, openSlide, test } from './fixtures'

const slides = await deckSlides()

function demo(scope: Page | Locator, program: string) {
  const root = scope.locator(`.wasi-run[data-program="${program}"]`)
  return {
    root,
    stdin: root.locator('.wasi-run-stdin'),
    args: root.locator('.wasi-run-args'),
    run: root.locator('.wasi-run-button'),
    stdout: root.locator('.wasi-run-stdout'),
    stderr: root.locator('.wasi-run-stderr'),
    finished: root.locator('.wasi-run-finished'),
  }
}

test('type into the live demo, run, see what node:wasi gives for the same input', async ({ page, problems }) => {
  const slide = await openSlide(page, slideTitled(slides, 'The same bytes, in this page'))
  const d = demo(slide, 'demo')
  // It ran on entering the slide.
  await expect(d.stdout).toHaveText('˙ǝɹǝɥʍʎɹǝʌǝ ʎlqɯǝss∀qǝM\n¡ƃᴉZ \'ollǝH')
  const input = 'Zig 0.17 → wasm32-wasi\nruns everywhere!'
  await d.stdin.fill(input)
  await d.run.click()
  const expected = (await runNodeWasi('demo', { stdin: input })).stdout.toString('utf8')
  await expect(d.stdout).toHaveText(expected)
  await expect(d.finished).toContainText('exit code 0')
  await expect(d.finished).toContainText(/run [\d.]+ ms/)
  expect(problems.pageErrors).toEqual([])
  expect(problems.consoleErrors).toEqual([])
})

test('typing in a demo never moves the slide or toggles shortcuts', async ({ page }) => {
  const no = slideTitled(slides, 'The same bytes, in this page')
  const slide = await openSlide(page, no)
  const d = demo(slide, 'demo')
  await d.stdin.fill('')
  await d.stdin.focus()
  for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Space', 'f', 'o', 'd', 'PageDown'])
    await page.keyboard.press(key)
  await d.args.focus()
  for (const key of ['ArrowRight', 'Space', 'o', 'd', 'f'])
    await page.keyboard.press(key)
  await expect(page).toHaveURL(new RegExp(`/${no}$`))
  await expect(page.locator('html')).not.toHaveClass(/dark/)
  await expect(d.stdin).toHaveValue(' fod')
  await expect(d.args).toHaveValue(' odf')
  // After a click on Run, the arrow keys drive the deck again.
  await d.run.click()
  await expect(d.finished).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(new RegExp(`/${no + 1}$`))
})

test('ten quick clicks on Run: runs never interleave, the last output is whole', async ({ page }) => {
  const slide = await openSlide(page, slideTitled(slides, 'CPU-bound: the Mandelbrot set'))
  const d = demo(slide, 'mandelbrot')
  await expect(d.finished).toBeVisible()
  for (let i = 0; i < 10; i++)
    await d.run.click({ force: true, noWaitAfter: true })
  await expect(d.run).toBeEnabled({ timeout: 20_000 })
  const expected = (await runNodeWasi('mandelbrot', { args: ['52', '20', '2000'] })).stdout.toString('utf8')
  expect(await d.stdout.textContent()).toBe(expected)
})

test('an endless program times out with a message, and the deck still navigates', async ({ page }) => {
  const no = slideTitled(slides, 'When a program never ends')
  const slide = await openSlide(page, no)
  const d = demo(slide, 'forever')
  await d.run.click()
  await expect(d.run).toHaveText('Running…')
  // The page stays responsive while the wasm spins in its worker.
  const t0 = Date.now()
  expect(await page.evaluate(() => 6 * 7)).toBe(42)
  expect(Date.now() - t0).toBeLessThan(1000)
  await expect(d.finished.locator('.wasi-run-error')).toHaveText('Timed out', { timeout: 5000 })
  await expect(d.finished).toContainText('stopped after 2000 ms')
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(new RegExp(`/${no + 1}$`))
})

test('the deck moves on while a program is still running', async ({ page }) => {
  const no = slideTitled(slides, 'When a program never ends')
  const slide = await openSlide(page, no)
  await demo(slide, 'forever').run.click()
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(new RegExp(`/${no + 1}$`))
  await expect(page.locator(`.slidev-page-${no + 1} h1`)).toBeVisible()
})

test('50 MiB of output stops at the 1 MiB cap with a message', async ({ page }) => {
  const slide = await openSlide(page, slideTitled(slides, 'When a program never ends'))
  const d = demo(slide, 'flood')
  await d.run.click()
  await expect(d.finished.locator('.wasi-run-error')).toHaveText('Output limit reached')
  await expect(d.finished).toContainText('stopped after 1048576 bytes')
  await expect(d.finished).toContainText('showing the first 64 K characters of 1.0 MiB')
  await expect(d.stdout).toContainText('all work and no play makes zig a dull language')
})

test('10 MB of stdin: the program reads it all, output is capped, the page survives', async ({ page }) => {
  const no = slideTitled(slides, 'The same bytes, in this page')
  const slide = await openSlide(page, no)
  const d = demo(slide, 'demo')
  await expect(d.finished).toBeVisible()
  await d.stdin.evaluate((el: HTMLTextAreaElement) => {
    el.value = 'z'.repeat(10 * 1000 * 1000)
    el.dispatchEvent(new Event('input'))
  })
  // The box lets go of it (a 10 MB textarea stalls the page); the run still gets all of it.
  await expect(d.root.locator('.wasi-run-held')).toHaveText('9.5 MiB of input held (too large to show); type to replace it')
  await expect(d.stdin).toHaveValue('')
  await d.run.click()
  await expect(d.finished.locator('.wasi-run-error')).toHaveText('Output limit reached', { timeout: 20_000 })
  await expect(d.stdout).toContainText('zzzz')
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(new RegExp(`/${no + 1}$`))
})

test('a Zig panic shows as a trap with the panic text', async ({ page }) => {
  const slide = await openSlide(page, slideTitled(slides, 'Exit codes and traps'))
  const panic = demo(slide, 'panic')
  await expect(panic.stderr).toHaveText('panic: index out of bounds: index 7, len 3')
  await expect(panic.finished.locator('.wasi-run-error')).toHaveText('The program trapped')
  await expect(panic.finished).toContainText('unreachable')
  await panic.stdin.fill('1')
  await panic.run.click()
  await expect(panic.stdout).toHaveText('planet #1 is Venus')
  await expect(panic.finished).toContainText('exit code 0')
  const exit = demo(slide, 'exit-code')
  await expect(exit.finished).toContainText('exit code 3')
  await exit.args.fill('200')
  await exit.run.click()
  await expect(exit.finished).toContainText('exit code 200')
})

test('@trap() traps without a panic message', async ({ page }) => {
  const slide = await openSlide(page, slideTitled(slides, 'Exit codes and traps'))
  const panic = demo(slide, 'panic')
  await expect(panic.finished).toBeVisible()
  await panic.args.fill('trap')
  await panic.run.click()
  await expect(panic.finished.locator('.wasi-run-error')).toHaveText('The program trapped')
  await expect(panic.stderr).toHaveCount(0)
})

test('files come from the in-page preopen; invalid UTF-8 out is flagged; no way out with ../', async ({ page }) => {
  const slide = await openSlide(page, slideTitled(slides, 'Files only through a preopen'))
  const d = demo(slide, 'read-file')
  await expect(d.stdout).toHaveText('Hello from a file that only exists in this page.')
  await d.args.fill('latin1.txt')
  await d.run.click()
  await expect(d.stdout).toHaveText('caf�')
  await expect(d.finished).toContainText('output is not valid UTF-8')
  await d.args.fill('../etc/passwd')
  await d.run.click()
  await expect(d.stderr).toHaveText('read-file: cannot read ../etc/passwd: AccessDenied')
  await expect(d.finished).toContainText('exit code 2')
})

test('two named preopens: the program lists one, writes into the other; the slide shows the tree it left', async ({ page }) => {
  const slide = await openSlide(page, slideTitled(slides, 'Files only through a preopen'))
  const d = demo(slide, 'preopens')
  const tree = d.root.locator('.wasi-run-tree')
  const entry = (preopen: string, path: string) => tree.locator(`[data-preopen="${preopen}"] [data-path="${path}"]`)
  await expect(d.stdout).toHaveText('3 entries in "in", listed in "out" as reports/listing.txt')
  await expect(entry('in', 'hello.txt')).toHaveText('hello.txt 49 B')
  await expect(entry('in', 'latin1.txt')).toHaveText('latin1.txt 5 B')
  await expect(entry('in', 'notes/')).toHaveText('notes/')
  await expect(entry('out', 'reports/listing.txt')).toHaveText('reports/listing.txt 28 B')
  await expect(tree.locator('[data-preopen="out"] li')).toHaveCount(1)

  await d.args.fill('mine.txt')
  await d.run.click()
  await expect(d.stdout).toHaveText('3 entries in "in", listed in "out" as mine.txt')
  // Each run starts from the slide's files: only this run's file is left.
  await expect(tree.locator('[data-preopen="out"] li')).toHaveText(['mine.txt 28 B'])

  await d.args.fill('../x')
  await d.run.click()
  await expect(d.stderr).toHaveText('preopens: cannot write ..: AccessDenied')
  await expect(d.finished).toContainText('exit code 2')
  await expect(tree.locator('[data-preopen="out"] li')).toHaveText(['(empty)'])
})

test('args and env reach the program', async ({ page }) => {
  const slide = await openSlide(page, slideTitled(slides, 'What WASI hands a program'))
  const d = demo(slide, 'wasi-env')
  await expect(d.stdout).toContainText('argv[2] = Zig fan')
  await expect(d.stdout).toContainText('TALK=zig-wasi')
  await d.args.fill('"über cool" 🚀')
  await d.run.click()
  await expect(d.stdout).toContainText('argv[1] = über cool\n  argv[2] = 🚀\n')
})

test('a missing .wasm is a clear message, not a blank slide', async ({ page, baseURL }) => {
  await page.route('**/wasm/demo.wasm', route => route.fulfill({ status: 404, body: 'not found' }))
  const slide = await openSlide(page, slideTitled(slides, 'The same bytes, in this page'))
  const d = demo(slide, 'demo')
  await expect(d.finished.locator('.wasi-run-error')).toHaveText('Could not load the module')
  await expect(d.finished).toContainText(`could not load ${new URL(baseURL!).pathname}wasm/demo.wasm: 404`)
})

test('a file that is not wasm (an HTML fallback page) is a clear load error', async ({ page }) => {
  await page.route('**/wasm/demo.wasm', route => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body>index</body></html>' }))
  const slide = await openSlide(page, slideTitled(slides, 'The same bytes, in this page'))
  const d = demo(slide, 'demo')
  await expect(d.finished).toContainText('not a WebAssembly module')
  await expect(d.finished).toContainText('<!DOCTYPE html>')
})

test('in presenter view the current slide\'s demo runs, the next-slide preview does not', async ({ page }) => {
  // The preopen slide is followed by another live demo.
  const no = slideTitled(slides, 'Files only through a preopen')
  await page.goto(`presenter/${no}`)
  const main = page.locator('#slide-content')
  const current = demo(main, 'read-file')
  await expect(current.stdout).toHaveText('Hello from a file that only exists in this page.')
  // The preview of the next slide shows the demos but does not run them.
  const preview = page.locator('.slidev-presenter .grid-section.next, .slidev-presenter [class*="next"]').first()
  await expect(preview.locator('.wasi-run').first()).toBeVisible()
  await expect(preview.locator('.wasi-run-finished')).toHaveCount(0)
  await expect(preview.locator('.wasi-run-note').first()).toContainText('previewNext')
})
