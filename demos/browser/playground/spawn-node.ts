// The playground's Web Worker under Node (worker_threads), for the tests (see runner/spawn-node.ts).
import type { SpawnWorker } from '../runner/supervisor'
import type { PlaygroundMessage, PlaygroundRun } from './protocol'
import { nodeSpawnerFor } from '../runner/spawn-node'

export const spawnNodePlayground: SpawnWorker<PlaygroundRun, PlaygroundMessage>
  = nodeSpawnerFor(new URL('./web-worker.ts', import.meta.url))
