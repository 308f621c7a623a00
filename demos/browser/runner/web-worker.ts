// The Web Worker (or worker_threads thread, under Node) that runs one program.
// It streams output back in batches and reports how the run ended.
import type { StartMessage, WorkerMessage } from './protocol'
import { concatBytes } from './bytes'
import { runSession } from './wasi-session'

/** Output is posted when this much is pending or this long has passed since the last post. */
const FLUSH_BYTES = 64 * 1024
const FLUSH_MS = 10

const post = (message: WorkerMessage, transfer: Transferable[] = []) => postMessage(message, { transfer })

globalThis.addEventListener('message', (event: MessageEvent<StartMessage>) => {
  const start = event.data
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
    post({ type: 'output', stdout, stderr }, [stdout.buffer, stderr.buffer])
  }
  const collect = (stream: 'stdout' | 'stderr') => (bytes: Uint8Array) => {
    pending[stream].push(bytes.slice())
    pending.bytes += bytes.length
    if (pending.bytes >= FLUSH_BYTES || performance.now() - lastFlush >= FLUSH_MS)
      flush()
  }

  const result = runSession(start, { stdout: collect('stdout'), stderr: collect('stderr') })
  flush()
  post({ type: 'done', ...result })
})

post({ type: 'ready' })
