// The playground's Web Worker in the page, started like the runner's (see runner/spawn-browser.ts).
import type { SpawnWorker } from '../runner/supervisor'
import type { PlaygroundMessage, PlaygroundRun } from './playground-protocol'
import { spawnerFor } from '../runner/spawn-browser'

/** The Web Worker that runs edited Worker code (web-worker.ts). */
export const spawnBrowserPlayground: SpawnWorker<PlaygroundRun, PlaygroundMessage> = spawnerFor(
  () => new Worker(new URL('./playground-worker.ts', import.meta.url), { type: 'module', name: 'worker-playground' }),
)
