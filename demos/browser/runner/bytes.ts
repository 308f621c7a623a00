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

/** What a run is told of its output as it streams: each chunk, raw. */
export interface OutputListeners {
  onStdout?: (bytes: Uint8Array) => void
  onStderr?: (bytes: Uint8Array) => void
}

/**
 * A run's stdout and stderr as its worker posts them: each chunk kept in order and passed on to
 * the run's listeners; `joined` is all of it so far.
 */
export function collectOutput(listeners: OutputListeners) {
  const stdout: Uint8Array[] = []
  const stderr: Uint8Array[] = []
  return {
    add(output: { stdout: Uint8Array, stderr: Uint8Array }) {
      if (output.stdout.length) {
        stdout.push(output.stdout)
        listeners.onStdout?.(output.stdout)
      }
      if (output.stderr.length) {
        stderr.push(output.stderr)
        listeners.onStderr?.(output.stderr)
      }
    },
    joined: () => ({ stdout: concatBytes(stdout), stderr: concatBytes(stderr) }),
  }
}
