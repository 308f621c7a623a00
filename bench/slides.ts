// Finds a slide of the deck by what its source contains (numbers move when slides do).
import { load } from '@slidev/parser/fs'
import { root } from '../test/helpers/node-wasi'

/** The number (1-based, as in the URL) of the first slide whose markdown matches. */
export async function slideWith(pattern: RegExp): Promise<number> {
  const data = await load({ roots: [root], userRoot: root }, `${root}slides.md`)
  const shown = data.slides.filter(s => !s.frontmatter.hide && !s.frontmatter.disabled)
  const index = shown.findIndex(s => pattern.test(s.content))
  if (index < 0)
    throw new Error(`no slide in slides.md matches ${pattern}`)
  return index + 1
}
