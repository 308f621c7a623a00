// Spawns the same run worker under Node with worker_threads. The worker's
// TypeScript is bundled once per process with esbuild, with a prelude that gives
// it the Web Worker globals it uses (postMessage, self.addEventListener).
import { Worker } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'
import { buildSync } from 'esbuild'
import type { StartMessage, WorkerMessage } from './protocol'
import type { SpawnWorker } from './worker-port'

const prelude = `
const { parentPort } = require('node:worker_threads');
globalThis.postMessage = (message, options) => parentPort.postMessage(message, options?.transfer ?? options);
globalThis.self = globalThis;
globalThis.addEventListener = (type, listener) => {
  if (type === 'message') parentPort.on('message', data => listener({ data }));
};
`

let bundled: string | undefined
function workerSource(): string {
  bundled ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./run-worker.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    banner: { js: prelude },
  }).outputFiles[0].text
  return bundled
}

export const spawnNodeWorker: SpawnWorker = () => {
  const worker = new Worker(workerSource(), { eval: true })
  worker.unref() // an idle spare must not keep the process alive
  return {
    start: (message: StartMessage) => {
      worker.ref()
      worker.postMessage(message, [message.stdin.buffer as ArrayBuffer])
    },
    listen(onMessage, onError) {
      worker.on('message', (message: WorkerMessage) => onMessage(message))
      worker.on('error', onError)
      worker.on('exit', code => onError(new Error(`the worker exited (code ${code})`)))
    },
    terminate: () => void worker.terminate(),
  }
}
