// Spawns the run worker as a Web Worker. In the deck, Vite bundles run-worker.ts
// from the `new URL(...)` below; other pages (the benchmark) pass their own.
import type { StartMessage, WorkerMessage } from './protocol'
import type { SpawnWorker } from './worker-port'

export function spawnerFor(create: () => Worker): SpawnWorker {
  return () => {
    const worker = create()
    return {
      start: (message: StartMessage) => worker.postMessage(message, [message.stdin.buffer]),
      listen(onMessage, onError) {
        worker.onmessage = (event: MessageEvent<WorkerMessage>) => onMessage(event.data)
        worker.onerror = (event) => {
          event.preventDefault()
          onError(new Error(event.message || 'worker error'))
        }
        worker.onmessageerror = () => onError(new Error('a message from the worker could not be read'))
      },
      terminate: () => worker.terminate(),
    }
  }
}

export const spawnBrowserWorker = spawnerFor(
  () => new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module', name: 'wasi-run' }),
)
