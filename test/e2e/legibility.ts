// How legible a slide is where the audience sits: the size each visible piece of text is drawn
// at in the browser's viewport (its computed font size times the scale of every transform and
// zoom above it, Slidev's own slide scaling included), and its contrast against what is behind
// it (background colours and opacities of its ancestors composited, WCAG's contrast formula).
// legibility.spec.ts walks every slide with it; `tableOf` prints the per-slide table.
import type { Page } from '@playwright/test'
import type { Rgb } from '../../demos/shared/contrast'
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

/** Measures the visible text of slide `no` (or of the first element matching a selector) as it is shown now. */
export async function measureTextRuns(page: Page, no: number | string): Promise<TextRun[]> {
  const selector = typeof no === 'number' ? `.slidev-page-${no}` : no
  const drawn = await page.evaluate((selector) => {
    const slide = document.querySelector<HTMLElement>(selector)
    if (!slide)
      throw new Error(`no ${selector} in the page`)
    const frame = slide.getBoundingClientRect()

    // Any CSS colour to premultiplied [r, g, b, a] in 0..1, through a canvas (computed styles can
    // be rgb(), color(srgb ...), oklch(), ...).
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 1
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!
    const colours = new Map<string, number[]>()
    const rgba = (css: string): number[] => {
      let c = colours.get(css)
      if (!c) {
        ctx.clearRect(0, 0, 1, 1)
        ctx.fillStyle = '#000'
        ctx.fillStyle = css
        ctx.fillRect(0, 0, 1, 1)
        const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data
        // getImageData un-premultiplies; a transparent colour reads as 0,0,0,0.
        c = [r / 255 * (a / 255), g / 255 * (a / 255), b / 255 * (a / 255), a / 255]
        colours.set(css, c)
      }
      return c
    }
    const over = (top: number[], under: number[]) => top.map((v, i) => v + under[i] * (1 - top[3]))
    const fade = (c: number[], opacity: number) => c.map(v => v * opacity)

    // The scale an element's text is drawn at: every transform and zoom from it up to the root.
    const scales = new Map<Element, number>()
    const scaleOf = (el: Element | null): number => {
      if (!el)
        return 1
      let s = scales.get(el)
      if (s === undefined) {
        const style = getComputedStyle(el)
        s = scaleOf(el.parentElement)
        if (style.transform && style.transform !== 'none') {
          const m = new DOMMatrixReadOnly(style.transform)
          s *= Math.sqrt(m.a * m.a + m.b * m.b)
        }
        if (style.scale && style.scale !== 'none')
          s *= Number.parseFloat(style.scale)
        const zoom = Number.parseFloat(style.zoom)
        if (zoom > 0)
          s *= zoom
        scales.set(el, s)
      }
      return s
    }

    // What a pixel of `el`'s text and a pixel of its background look like on the screen: each
    // ancestor paints its background, then its content, and its opacity fades both.
    const pixelsOf = (el: Element, colour: string) => {
      const chain: Element[] = []
      for (let e: Element | null = el; e; e = e.parentElement)
        chain.unshift(e)
      let text = rgba(colour)
      let back = [0, 0, 0, 0]
      for (let i = chain.length - 1; i >= 0; i--) {
        const style = getComputedStyle(chain[i])
        const bg = rgba(style.backgroundColor)
        text = over(text, bg)
        back = over(back, bg)
        const opacity = Number.parseFloat(style.opacity)
        if (opacity < 1) {
          text = fade(text, opacity)
          back = fade(back, opacity)
        }
      }
      // The page's canvas is white (Slidev paints its own background above it).
      const white = [1, 1, 1, 1]
      return { fg: over(text, white).slice(0, 3), bg: over(back, white).slice(0, 3) }
    }

    const describe = (el: Element, text: string) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : ''
      return `<${el.tagName.toLowerCase()}${cls}> "${text.replace(/\s+/g, ' ').trim().slice(0, 40)}"`
    }
    const shown = (r: DOMRect) => r.width > 1 && r.height > 1
      && r.right > frame.left && r.left < frame.right && r.bottom > frame.top && r.top < frame.bottom

    const runs: { chars: number, px: number, fg: number[], bg: number[], what: string }[] = []
    const add = (el: Element, text: string, rect: DOMRect) => {
      const chars = text.replace(/\s/g, '').length
      if (!chars || !shown(rect))
        return
      const style = getComputedStyle(el)
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        return
      // SVG text: its font size is in user units; the ratio of its drawn box to its own box is the scale.
      let px: number
      if (el instanceof SVGGraphicsElement) {
        const box = el.getBBox()
        px = Number.parseFloat(style.fontSize) * (box.width > 0 ? rect.width / box.width : scaleOf(el))
      }
      else {
        px = Number.parseFloat(style.fontSize) * scaleOf(el)
      }
      runs.push({ chars, px, ...pixelsOf(el, style.color), what: describe(el, text) })
    }

    // Text nodes, grouped by the element that holds them.
    const byElement = new Map<Element, { text: string, rects: DOMRect[] }>()
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || !node.textContent?.trim() || parent.closest('script, style, textarea, template'))
        continue
      range.selectNodeContents(node)
      const entry = byElement.get(parent) ?? { text: '', rects: [] }
      entry.text += node.textContent
      entry.rects.push(range.getBoundingClientRect())
      byElement.set(parent, entry)
    }
    for (const [el, { text, rects }] of byElement) {
      const r = rects.find(shown) ?? rects[0]
      add(el, text, r)
    }
    // What a form field shows is text too (stdin boxes, args).
    for (const field of slide.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input:not([type=checkbox]):not([type=radio]):not([type=range])'))
      add(field, field.value || field.placeholder, field.getBoundingClientRect())
    return runs
  }, selector)
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
