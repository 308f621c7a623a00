// A worker's output, streamed to the page in batches: posted when this much is
// pending or this long has passed since the last post.
import type { WorkerMessage } from './protocol'
import { concatBytes } from './bytes'

const FLUSH_BYTES = 64 * 1024
const FLUSH_MS = 10

export function outputPoster(post: (message: WorkerMessage, transfer: Transferable[]) => void) {
  const pending = { stdout: [] as Uint8Array[], stderr: [] as Uint8Array[], bytes: 0 }
  let lastFlush = -Infinity

  const flush = () => {
    if (pending.bytes === 0)
      return
    const stdout = concatBytes(pending.stdout)
    const stderr = concatBytes(pending.stderr)
    pending.stdout = []
    pending.stderr = []
    pending.bytes = 0
    lastFlush = performance.now()
    post({ type: 'output', stdout, stderr }, [stdout.buffer as ArrayBuffer, stderr.buffer as ArrayBuffer])
  }
  const collect = (stream: 'stdout' | 'stderr') => (bytes: Uint8Array) => {
    pending[stream].push(bytes.slice())
    pending.bytes += bytes.length
    if (pending.bytes >= FLUSH_BYTES || performance.now() - lastFlush >= FLUSH_MS)
      flush()
  }
  return { stdout: collect('stdout'), stderr: collect('stderr'), flush }
}
