// Spawns the run worker as a module Web Worker (bundled by Vite).
import type { StartMessage, WorkerMessage } from './protocol'
import type { SpawnWorker } from './worker-port'

export const spawnBrowserWorker: SpawnWorker = () => {
  const worker = new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module', name: 'wasi-run' })
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
