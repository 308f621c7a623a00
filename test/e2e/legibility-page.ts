// The page's side of legibility.ts: runs inside the browser (bundled by esbuild and added to the
// page as a script, `globalThis.legibility`), where the slide's elements and computed styles are.
// It returns each visible piece of text with its drawn size and its two composited colours; the
// contrast ratio is computed in Node (demos/shared/contrast.ts).

/** Premultiplied [r, g, b, a] in 0..1. */
type Rgba = number[]

export interface DrawnRun {
  chars: number
  px: number
  fg: number[]
  bg: number[]
  what: string
}

let context: CanvasRenderingContext2D | undefined
const colours = new Map<string, Rgba>()

/** Any CSS colour (rgb(), color(srgb ...), oklch(), ...) as premultiplied RGBA, through a canvas. */
function rgba(css: string): Rgba {
  let c = colours.get(css)
  if (!c) {
    if (!context) {
      const canvas = document.createElement('canvas')
      canvas.width = canvas.height = 1
      context = canvas.getContext('2d', { willReadFrequently: true })!
    }
    context.clearRect(0, 0, 1, 1)
    context.fillStyle = '#000'
    context.fillStyle = css
    context.fillRect(0, 0, 1, 1)
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data
    // getImageData un-premultiplies; a transparent colour reads as 0,0,0,0.
    c = [r / 255 * (a / 255), g / 255 * (a / 255), b / 255 * (a / 255), a / 255]
    colours.set(css, c)
  }
  return c
}

const over = (top: Rgba, under: Rgba) => top.map((v, i) => v + under[i] * (1 - top[3]))
const fade = (c: Rgba, opacity: number) => c.map(v => v * opacity)

/** The scale an element's text is drawn at: every transform and zoom from it up to the root. */
function scaleOf(el: Element | null, scales: Map<Element, number>): number {
  if (!el)
    return 1
  let s = scales.get(el)
  if (s === undefined) {
    const style = getComputedStyle(el)
    s = scaleOf(el.parentElement, scales)
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

/**
 * What a pixel of `el`'s text and a pixel of its background look like on the screen: each
 * ancestor paints its background, then its content, and its opacity fades both.
 */
function pixelsOf(el: Element, colour: string): { fg: number[], bg: number[] } {
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

/** `<tag.class> "text..."`, to find it. */
function describe(el: Element, text: string): string {
  const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : ''
  return `<${el.tagName.toLowerCase()}${cls}> "${text.replace(/\s+/g, ' ').trim().slice(0, 40)}"`
}

/** Text nodes under `root`, grouped by the element that holds them, with their boxes. */
function textByElement(root: Element): Map<Element, { text: string, rects: DOMRect[] }> {
  const byElement = new Map<Element, { text: string, rects: DOMRect[] }>()
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
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
  return byElement
}

/** The visible text of the first element matching `selector`, as it is drawn now. */
export function measure(selector: string): DrawnRun[] {
  const slide = document.querySelector<HTMLElement>(selector)
  if (!slide)
    throw new Error(`no ${selector} in the page`)
  const frame = slide.getBoundingClientRect()
  const scales = new Map<Element, number>()
  const shown = (r: DOMRect) => r.width > 1 && r.height > 1
    && r.right > frame.left && r.left < frame.right && r.bottom > frame.top && r.top < frame.bottom

  const runs: DrawnRun[] = []
  const add = (el: Element, text: string, rect: DOMRect) => {
    const chars = text.replace(/\s/g, '').length
    if (!chars || !shown(rect) || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      return
    const style = getComputedStyle(el)
    // SVG text: its font size is in user units; the ratio of its drawn box to its own box is the scale.
    let px: number
    if (el instanceof SVGGraphicsElement) {
      const box = el.getBBox()
      px = Number.parseFloat(style.fontSize) * (box.width > 0 ? rect.width / box.width : scaleOf(el, scales))
    }
    else {
      px = Number.parseFloat(style.fontSize) * scaleOf(el, scales)
    }
    runs.push({ chars, px, ...pixelsOf(el, style.color), what: describe(el, text) })
  }

  for (const [el, { text, rects }] of textByElement(slide))
    add(el, text, rects.find(shown) ?? rects[0])
  // What a form field shows is text too (stdin boxes, args).
  for (const field of slide.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input:not([type=checkbox]):not([type=radio]):not([type=range])'))
    add(field, field.value || field.placeholder, field.getBoundingClientRect())
  return runs
}
