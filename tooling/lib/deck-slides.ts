// The deck's slides as the source says they are, for tests that walk every slide.
import { load } from '@slidev/parser/fs'
import { root } from './paths.mjs'

export interface DeckSlide { no: number, title: string, note: string, content: string }

export async function deckSlides(): Promise<DeckSlide[]> {
  const data = await load({ roots: [root], userRoot: root }, `${root}slides.md`)
  return data.slides
    .filter(s => !s.frontmatter.hide && !s.frontmatter.disabled)
    .map((s, i) => ({ no: i + 1, title: (s.title ?? '').replace(/`/g, ''), note: s.note ?? '', content: s.content }))
}

/** The number of the slide titled `title` (numbers move when slides do). */
export function slideTitled(slides: DeckSlide[], title: string): number {
  const slide = slides.find(s => s.title === title)
  if (!slide)
    throw new Error(`no slide titled "${title}" in slides.md`)
  return slide.no
}

/** The number of the first slide whose markdown matches (numbers move when slides do). */
export async function slideWith(pattern: RegExp): Promise<number> {
  const slide = (await deckSlides()).find(s => pattern.test(s.content))
  if (!slide)
    throw new Error(`no slide in slides.md matches ${pattern}`)
  return slide.no
}
