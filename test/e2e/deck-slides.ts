// The deck's slides as the source says they are, for tests that walk every slide.
import { load } from '@slidev/parser/fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

export async function deckSlides(): Promise<Array<{ no: number, title: string, note: string }>> {
  const data = await load({ roots: [root], userRoot: root }, `${root}slides.md`)
  return data.slides
    .filter(s => !s.frontmatter.hide && !s.frontmatter.disabled)
    .map((s, i) => ({ no: i + 1, title: (s.title ?? '').replace(/`/g, ''), note: s.note ?? '' }))
}
