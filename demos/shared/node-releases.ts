// Node.js release lines the deck runs on, and their end of life: one home for the dates.
// Source: the Node.js release schedule (nodejs/Release, schedule.json), checked 2026-12-02.

/** Node 20 ("Iron") reached end of life on this date: no more security releases. */
export const NODE20_END_OF_LIFE = '2026-04-30'

/** A row's note for the machine's Node when its line has reached end of life (today: Node 20). */
export function endOfLifeNote(nodeVersion: string): string | undefined {
  return nodeVersion.startsWith('20.') ? `Node 20 reached end of life on ${NODE20_END_OF_LIFE}` : undefined
}
