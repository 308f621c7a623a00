// Spawns workers as Web Workers. In the deck, Vite bundles each worker from the
// `new URL(...)` next to `new Worker`; other pages (the benchmark) pass their own.
import type { ComponentWorkerMessage, WorkerMessage } from './protocol'
import type { SpawnWorker } from './supervisor'
import { bufferedInbox } from './supervisor'

export function spawnerFor<In, Out>(create: () => Worker): SpawnWorker<In, Out> {
  return () => {
    const worker = create()
    const inbox = bufferedInbox<Out>()
    worker.onmessage = (event: MessageEvent<Out>) => inbox.message(event.data)
    worker.onerror = (event) => {
      event.preventDefault()
      inbox.error(new Error(event.message || 'worker error'))
    }
    worker.onmessageerror = () => inbox.error(new Error('a message from the worker could not be read'))
    return {
      start: (message, transfer = []) => worker.postMessage(message, transfer),
      listen: inbox.listen,
      terminate: () => worker.terminate(),
    }
  }
}

/** The worker that runs one WASI program (runner/web-worker.ts). */
export const spawnBrowserWorker: SpawnWorker = spawnerFor(
  () => new Worker(new URL('./web-worker.ts', import.meta.url), { type: 'module', name: 'wasi-run' }),
)

/** The worker that runs one transpiled WASI 0.2 component (runner/component-worker.ts). */
export const spawnComponentWorker: SpawnWorker<ComponentWorkerMessage, WorkerMessage> = spawnerFor(
  () => new Worker(new URL('./component-worker.ts', import.meta.url), { type: 'module', name: 'wasi-component' }),
)
