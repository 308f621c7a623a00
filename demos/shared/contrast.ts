// WCAG 2 contrast, in one place: the legibility test judges slides with it, and the deck's
// code themes (setup/code-theme.ts) adjust their colours to it.

/** sRGB channels in 0..1. */
export type Rgb = readonly [number, number, number]

/** WCAG AA for body text. */
export const AA = 4.5

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [l1, l2] = [luminance(a), luminance(b)]
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)
}

/** "#rgb", "#rrggbb" or "#rrggbbaa" (alpha dropped) to channels; undefined for anything else. */
export function hexToRgb(hex: string): Rgb | undefined {
  const m = /^#([\da-f]{3}|[\da-f]{6}|[\da-f]{8})$/i.exec(hex.trim())
  if (!m)
    return undefined
  const h = m[1].length === 3 ? [...m[1]].map(c => c + c).join('') : m[1].slice(0, 6)
  return [0, 2, 4].map(i => Number.parseInt(h.slice(i, i + 2), 16) / 255) as unknown as Rgb
}

export function rgbToHex(rgb: Rgb): string {
  return `#${rgb.map(v => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0')).join('')}`
}

/**
 * `colour` (a hex, maybe translucent) moved towards black (on a light background) or white (on a dark one) just enough to
 * reach `min` against every one of `backgrounds`; hue kept, unchanged when it already does.
 */
export function withContrast(colour: string, backgrounds: string[], min = AA): string {
  const drawn = hexToRgb(colour)
  const bgs = backgrounds.map(hexToRgb).filter((b): b is Rgb => !!b)
  if (!drawn || !bgs.length)
    return colour
  // A translucent colour ("#1b1f234d") is drawn over the background: judge (and return) that.
  const alpha = /^#[\da-f]{8}$/i.test(colour.trim()) ? Number.parseInt(colour.trim().slice(7), 16) / 255 : 1
  const fg = drawn.map((v, i) => v * alpha + bgs[0][i] * (1 - alpha)) as unknown as Rgb
  const passes = (c: Rgb) => bgs.every(b => contrastRatio(c, b) >= min)
  if (passes(fg))
    return alpha < 1 ? rgbToHex(fg) : colour
  const target = luminance(bgs[0]) > 0.18 ? 0 : 1
  for (let t = 0.02; t <= 1; t += 0.02) {
    const c = fg.map(v => v + (target - v) * t) as unknown as Rgb
    if (passes(c))
      return rgbToHex(c)
  }
  return rgbToHex([target, target, target])
}
