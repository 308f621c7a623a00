// How legible a slide is where the audience sits: the size each visible piece of text is drawn
// at in the browser's viewport (its computed font size times the scale of every transform and
// zoom above it, Slidev's own slide scaling included), and its contrast against what is behind
// it (background colours and opacities of its ancestors composited, WCAG's contrast formula).
// The measuring runs in the page (legibility-page.ts); legibility.spec.ts walks every slide with
// it; `tableOf` prints the per-slide table.
import type { Page } from '@playwright/test'
import type { Rgb } from '../../demos/shared/contrast'
import type { measure } from './legibility-page'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { AA, contrastRatio } from '../../demos/shared/contrast'

/** The budget every slide must meet at 1280x720 (issue 26). */
export const BUDGET = {
  /** Text under this size (px in the viewport) is small... */
  smallPx: 14,
  /** ...and may be at most this share of a slide's characters. */
  smallShare: 0.10,
  /** No text at all under this size. */
  minPx: 12,
  /** WCAG AA for body text. */
  minContrast: AA,
  /** Text under AA may be at most this share of a slide's characters. */
  lowContrastShare: 0.05,
} as const

/** One element's own text (or a form field's value) as drawn. */
export interface TextRun {
  /** Non-blank characters. */
  chars: number
  /** Font size in viewport px. */
  px: number
  /** WCAG contrast ratio against the composited background. */
  contrast: number
  /** `tag.class "text..."`, to find it. */
  what: string
}

export interface SlideLegibility {
  no: number
  title: string
  chars: number
  smallestPx: number
  /** Share of characters under BUDGET.smallPx. */
  small: number
  /** Share of characters under BUDGET.minContrast. */
  lowContrast: number
  lowestContrast: number
  smallestRun?: TextRun
  lowestContrastRun?: TextRun
}

/** legibility-page.ts, bundled once per test process, added to each page that measures. */
let pageScript: Promise<string> | undefined
function measuringScript(): Promise<string> {
  pageScript ??= build({
    entryPoints: [fileURLToPath(new URL('./legibility-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'legibility',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  }).then(out => out.outputFiles[0].text)
  return pageScript
}

/** Measures the visible text of slide `no` (or of the first element matching a selector) as it is shown now. */
export async function measureTextRuns(page: Page, no: number | string): Promise<TextRun[]> {
  const selector = typeof no === 'number' ? `.slidev-page-${no}` : no
  if (!await page.evaluate(() => 'legibility' in globalThis))
    await page.addScriptTag({ content: await measuringScript() })
  const drawn = await page.evaluate(selector => (globalThis as unknown as { legibility: { measure: typeof measure } }).legibility.measure(selector), selector)
  return drawn.map(({ fg, bg, ...run }) => ({ ...run, contrast: contrastRatio(fg as unknown as Rgb, bg as unknown as Rgb) }))
}

/** The slide's numbers from its runs. */
export function summarize(no: number, title: string, runs: TextRun[]): SlideLegibility {
  const chars = runs.reduce((s, r) => s + r.chars, 0)
  const share = (f: (r: TextRun) => boolean) => chars ? runs.filter(f).reduce((s, r) => s + r.chars, 0) / chars : 0
  const smallestRun = runs.reduce<TextRun | undefined>((w, r) => (!w || r.px < w.px ? r : w), undefined)
  const lowestContrastRun = runs.reduce<TextRun | undefined>((w, r) => (!w || r.contrast < w.contrast ? r : w), undefined)
  return {
    no,
    title,
    chars,
    smallestPx: smallestRun?.px ?? Infinity,
    small: share(r => r.px < BUDGET.smallPx - 0.01),
    lowContrast: share(r => r.contrast < BUDGET.minContrast - 0.005),
    lowestContrast: lowestContrastRun?.contrast ?? Infinity,
    smallestRun,
    lowestContrastRun,
  }
}

/** Why a slide is over budget, one line each; empty when it is within. */
export function overBudget(s: SlideLegibility): string[] {
  const pct = (v: number) => `${(v * 100).toFixed(0)} %`
  const px = (v: number) => `${v.toFixed(1)} px`
  const out: string[] = []
  const name = `slide ${s.no} "${s.title}"`
  if (s.smallestPx < BUDGET.minPx - 0.01)
    out.push(`${name}: text at ${px(s.smallestPx)}, under ${BUDGET.minPx} px: ${s.smallestRun!.what}`)
  if (s.small > BUDGET.smallShare)
    out.push(`${name}: ${pct(s.small)} of its text under ${BUDGET.smallPx} px (at most ${pct(BUDGET.smallShare)}); smallest ${px(s.smallestPx)}: ${s.smallestRun!.what}`)
  if (s.lowContrast > BUDGET.lowContrastShare)
    out.push(`${name}: ${pct(s.lowContrast)} of its text under ${BUDGET.minContrast}:1 (at most ${pct(BUDGET.lowContrastShare)}); lowest ${s.lowestContrast.toFixed(2)}:1: ${s.lowestContrastRun!.what}`)
  return out
}

/** The per-slide table, in Markdown (slide, smallest px, % < 14 px, % < 4.5:1). */
export function tableOf(viewport: string, slides: SlideLegibility[]): string {
  const rows = slides.map(s => `| ${s.no} ${s.title} | ${Number.isFinite(s.smallestPx) ? s.smallestPx.toFixed(1) : '-'} px | ${(s.small * 100).toFixed(0)} % | ${(s.lowContrast * 100).toFixed(0)} % |${overBudget(s).length ? ' over |' : ' |'}`)
  return [
    `Legibility at ${viewport}`,
    '',
    `| slide | smallest text | share under ${BUDGET.smallPx} px | share under ${BUDGET.minContrast}:1 | |`,
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n')
}
