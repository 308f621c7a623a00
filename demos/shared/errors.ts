// What a failure says, in one line: an Error's message, or the thrown value as text.
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
