// Facts about the world that the slides show as numbers (a release date, a version of another
// project, a platform limit). Their one home is slides-facts.json at the repository root; each
// names the claim in slides-sources.md that gives its source and the date it was checked.
import data from '../../slides-facts.json'

export interface WorldFact {
  /** The id of the claim in slides-sources.md that sources this fact. */
  claim: string
  /** The fact as the slide shows it: "2026-04-30", "64 MiB". */
  value: string
  /** A size as a number of bytes, for code that computes with it. */
  bytes?: number
}

export const WORLD_FACTS: Readonly<Record<string, WorldFact>> = data.facts

/** One fact by id; throws for an id slides-facts.json does not have (a test checks every use). */
export function worldFact(id: string): WorldFact {
  const fact = WORLD_FACTS[id]
  if (!fact)
    throw new Error(`no fact "${id}" in slides-facts.json`)
  return fact
}
