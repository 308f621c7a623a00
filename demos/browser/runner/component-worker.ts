// The Web Worker that runs one transpiled WASI 0.2 component (component-session.ts),
// streaming its output like the module runner's worker (web-worker.ts). A worker started
// ahead may be told to import the component's JS before its run (`preload`).
import type { ComponentWorkerMessage, WorkerMessage } from './protocol'
import { importTranspiled, runComponentSession } from './component-session'
import { outputPoster } from './worker-output'

const post = (message: WorkerMessage, transfer: Transferable[] = []) => postMessage(message, { transfer })

globalThis.addEventListener('message', async (event: MessageEvent<ComponentWorkerMessage>) => {
  if (event.data.type === 'preload') {
    importTranspiled(event.data.jsUrl).catch(() => {}) // a failed import is retried, and reported, by the run
    return
  }
  const output = outputPoster(post)
  const result = await runComponentSession(event.data, output)
  output.flush()
  post({ type: 'done', ...result })
})

post({ type: 'ready' })
