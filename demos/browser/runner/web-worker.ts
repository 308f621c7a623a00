// The Web Worker (or worker_threads thread, under Node) that runs one program.
// It streams output back in batches and reports how the run ended.
import type { StartMessage, WorkerMessage } from './protocol'
import { runSession } from './wasi-session'
import { outputPoster } from './worker-output'

const post = (message: WorkerMessage, transfer: Transferable[] = []) => postMessage(message, { transfer })

globalThis.addEventListener('message', (event: MessageEvent<StartMessage>) => {
  const start = event.data
  const output = outputPoster(post)
  const result = runSession(start, output)
  output.flush()
  post({ type: 'done', ...result })
})

post({ type: 'ready' })
