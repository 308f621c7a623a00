// Joining byte chunks, done by every host that collects output.

export function concatBytes(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1)
    return chunks[0]
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
