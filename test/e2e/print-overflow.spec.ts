// What the PDF shows. In print, Chromium cuts what a scaled <Transform> would have drawn
// below the page at full size, so a slide that fits in the browser can lose its last lines
// on paper (the 2023 slide lost its list and the Worker's last 15 lines). This test prints
// the built site's print view, prepared exactly as `npm run export` prepares it, and checks
// that each page of the PDF carries every word its slide shows, and that no editor has lines
// below its fold.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { openPrintView, printPage } from '../../tooling/lib/export-pdf.mjs'

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{3,}/g) ?? [])
/** A page's letters run together: pdftotext joins words hyphenated at a line's end ("in-memory"). */
const letters = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '')

test('every word of every slide is on its PDF page, and no editor has lines below its fold', async ({ page }) => {
  test.setTimeout(240_000)
  const size = await openPrintView(page, 'print?print=true')
  // Text for screen readers only ("Run code" on an icon button) is never drawn.
  await page.addStyleTag({ content: '.sr-only { display: none !important; }' })
  const slides = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.print-slide-container')].map(slide => ({
    title: slide.querySelector('h1')?.textContent?.trim() ?? '',
    // innerText, not textContent: only what is rendered counts.
    // eslint-disable-next-line unicorn/prefer-dom-node-text-content
    text: slide.innerText,
    // Monaco draws only the lines in view: a vertical slider shorter than its track means
    // lines below the fold, in the browser and on paper.
    editors: [...slide.querySelectorAll<HTMLElement>('.monaco-editor .scrollbar.vertical')]
      .map(track => (track.querySelector<HTMLElement>('.slider')?.offsetHeight ?? 0) / track.offsetHeight)
      .filter(shown => shown > 0 && shown < 0.99),
  })))
  const dir = mkdtempSync(join(tmpdir(), 'print-check-'))
  try {
    const pdf = join(dir, 'deck.pdf')
    writeFileSync(pdf, await printPage(page, size))
    const problems: string[] = []
    slides.forEach(({ title, text, editors }, i) => {
      const printed = letters(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }))
      const missing = [...words(text)].filter(w => !printed.includes(w))
      if (missing.length)
        problems.push(`slide ${i + 1} "${title}": not on its page: ${missing.slice(0, 12).join(' ')}`)
      for (const shown of editors)
        problems.push(`slide ${i + 1} "${title}": its editor shows ${Math.round(shown * 100)} % of its lines`)
    })
    expect(slides.length).toBe(size.count)
    expect(problems, 'what a reader of the PDF would not see').toEqual([])
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
