// The Web Worker that runs one transpiled WASI 0.2 component (component-session.ts),
// streaming its output like the module runner's worker (web-worker.ts).
import type { ComponentStartMessage, WorkerMessage } from './protocol'
import { runComponentSession } from './component-session'
import { outputPoster } from './worker-output'

const post = (message: WorkerMessage, transfer: Transferable[] = []) => postMessage(message, { transfer })

globalThis.addEventListener('message', async (event: MessageEvent<ComponentStartMessage>) => {
  const output = outputPoster(post)
  const result = await runComponentSession(event.data, output)
  output.flush()
  post({ type: 'done', ...result })
})

post({ type: 'ready' })
