// The playground's Web Worker under Node (worker_threads), for the tests (see spawn-runner.ts).
import type { PlaygroundMessage, PlaygroundRun } from '../../demos/browser/playground/playground-protocol'
import type { SpawnWorker } from '../../demos/browser/runner/supervisor'
import { nodeSpawnerFor } from './spawn-runner'

export const spawnNodePlayground: SpawnWorker<PlaygroundRun, PlaygroundMessage>
  = nodeSpawnerFor(new URL('../../demos/browser/playground/playground-worker.ts', import.meta.url))
