// npm run export: the PDF has one page per slide, every title, and the real
// output of every demo (each ran during the export).
import type { Buffer } from 'node:buffer'
import type { WasmManifest } from '../../demos/shared/manifest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { formatBytes } from '../../demos/shared/format'
import { deckSlides } from '../../tooling/lib/deck-slides'
import { manifestPath, root, runNodeWasi } from '../helpers/node-wasi'

test('the exported PDF shows every slide and each demo\'s real output', async () => {
  test.setTimeout(300_000)
  const dir = mkdtempSync(join(tmpdir(), 'deck-pdf-'))
  try {
    const pdf = join(dir, 'deck.pdf')
    // The exporter drives its own Playwright: it must not think it runs inside this test runner.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['PLAYWRIGHT_TEST', 'TEST_WORKER_INDEX', 'TEST_PARALLEL_INDEX'].includes(k)))
    execFileSync('npm', ['run', 'export', '--', '--output', pdf], { cwd: root, env, stdio: 'pipe', timeout: 280_000 })
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    const slides = await deckSlides()
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(slides.length)
    // Each slide fills its page: a page wider than a slide would shrink them all and leave
    // a dark band at the right and bottom edges.
    execFileSync('pdftoppm', ['-r', '12', pdf, join(dir, 'page')])
    for (const file of readdirSync(dir).filter(f => f.endsWith('.ppm'))) {
      const { width, height, pixel } = readPpm(readFileSync(join(dir, file)))
      const corner = pixel(width - 2, height - 2)
      expect(Math.min(...corner), `${file}: bottom-right corner ${corner}`).toBeGreaterThan(200)
    }

    // Reading order keeps a wrapped title in one block; -raw keeps side-by-side lines apart.
    const text = ['-nopgbrk', '-raw'].map(mode => execFileSync('pdftotext', [mode, pdf, '-'], { encoding: 'utf8' })).join('\n')
    // The slides' typography curls apostrophes ("Today’s"); the titles read from slides.md have straight ones.
    const flat = text.replace(/\s+/g, ' ').replace(/[‘’]/g, '\'')
    for (const { title } of slides)
      expect(flat, `title "${title}"`).toContain(title.replace(/\s+/g, ' '))
    expect(flat).toContain('WASI in Workers')
    expect(text).not.toContain('An error occurred on this slide')

    const lines = async (program: string, input: Parameters<typeof runNodeWasi>[1]) =>
      (await runNodeWasi(program, input)).stdout.toString('utf8').split('\n').filter(l => l.trim())
    for (const line of await lines('demo', { stdin: 'Hello, Zig!\nWebAssembly everywhere.' }))
      expect(text).toContain(line)
    expect(text).toContain('argv[2] = Zig fan')
    expect(text).toContain('TALK=zig-wasi')
    // The preopen slide's demos sit in a narrow column: their output wraps (between words) instead of being cut.
    expect(flat).toContain('Hello from a file that only exists in this page.')
    // The named-preopens demo and the tree it left behind.
    expect(flat).toContain('3 entries in "in", listed in "out" as reports/listing.txt')
    expect(flat).toMatch(/preopen out reports\/listing\.txt 28 B/)
    expect(text).toContain('exiting with code 3')
    expect(text).toContain('panic: index out of bounds')
    expect(text).toContain('The program trapped')
    expect(text).toContain('Timed out')
    expect(text).toContain('Output limit reached')
    expect(text).toContain('memory access out of bounds') // the stack demo
    // Zig's std on WASI: the clock and random numbers change, the compiler's answer does not.
    expect(text).toContain('builtin.single_threaded = true')
    expect(text).toMatch(/UTC now: \d{4}-\d\d-\d\d/)
    // Command or reactor: both answered, and the exporting browser measured both.
    expect(text).toContain('collatz(27) = 111 steps')
    expect(text).toContain('returned 111')
    expect(text).toMatch(/The command costs \d+×/)
    // The charts read the manifest and the bench, in binary units.
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as WasmManifest
    // (The WASI conformance suite's programs are not on the slides.)
    for (const m of manifest.modules.filter(m => !m.conformance))
      expect(text, `${m.name}'s size`).toContain(formatBytes(m.bytes))
    expect(text).toContain('memfs.wasm')
    expect(text).toContain('Hello, workerd!') // Live Zig, from the prebuilt module
    expect(text).toContain('prebuilt greet.wasm')
    // The runtime table's live row ran in the exporting browser.
    expect(text).toContain('The exporting browser')
    expect(text).toMatch(/Chromium\s+[\d.]+ \(V8\)/)
    expect(text).toContain('same bytes, live')
    // The Worker playground: the code in its editor and the response of a run.
    expect(text).toContain(readFileSync(join(root, 'demos/cloudflare-worker/src/index.js'), 'utf8').split('\n')[0])
    expect(text).toContain('HTTP 200')
    expect(text).toContain('x-exit-code: 0')
    const mandelbrot = await lines('mandelbrot', { args: ['52', '20', '2000'] })
    for (const line of mandelbrot)
      expect(text).toContain(line)
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

/** A binary PPM (P6, 8 bits) as written by pdftoppm. */
function readPpm(data: Buffer) {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 50).toString('latin1'))!
  const [width, height] = [Number(header[1]), Number(header[2])]
  const start = header[0].length
  return { width, height, pixel: (x: number, y: number) => [...data.subarray(start + (y * width + x) * 3, start + (y * width + x) * 3 + 3)] }
}
