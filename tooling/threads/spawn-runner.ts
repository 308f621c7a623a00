// Spawns the same workers under Node with worker_threads. A worker's TypeScript
// is bundled once per process with esbuild, with a prelude that gives it the Web
// Worker globals it uses (postMessage, addEventListener).
import type { SpawnWorker } from '../../demos/browser/runner/supervisor'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { buildSync } from 'esbuild'
import { bufferedInbox } from '../../demos/browser/runner/supervisor'

const prelude = `
const { parentPort } = require('node:worker_threads');
globalThis.postMessage = (message, options) => parentPort.postMessage(message, options?.transfer ?? options);
globalThis.self = globalThis;
globalThis.addEventListener = (type, listener) => {
  if (type === 'message') parentPort.on('message', data => listener({ data }));
};
`

const bundles = new Map<string, string>()
function bundle(entry: URL): string {
  let code = bundles.get(entry.href)
  if (code === undefined) {
    code = buildSync({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      banner: { js: prelude },
    }).outputFiles[0].text
    bundles.set(entry.href, code)
  }
  return code
}

export function nodeSpawnerFor<In, Out>(entry: URL): SpawnWorker<In, Out> {
  return () => {
    const worker = new Worker(bundle(entry), { eval: true })
    worker.unref() // an idle spare must not keep the process alive
    const inbox = bufferedInbox<Out>()
    worker.on('message', (message: Out) => inbox.message(message))
    worker.on('error', inbox.error)
    worker.on('exit', code => inbox.error(new Error(`the worker exited (code ${code})`)))
    return {
      start: (message, transfer = []) => {
        worker.ref()
        worker.postMessage(message, transfer as never[])
      },
      listen: inbox.listen,
      terminate: () => void worker.terminate(),
    }
  }
}

export const spawnNodeWorker: SpawnWorker = nodeSpawnerFor(new URL('../../demos/browser/runner/web-worker.ts', import.meta.url))
