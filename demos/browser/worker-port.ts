// The little a runner needs from a worker, so the same runner drives a Web Worker
// in the browser and a worker_threads thread under Node.
import type { StartMessage, WorkerMessage } from './protocol'

export interface WorkerPort {
  start: (message: StartMessage) => void
  /** Called for every message; `error` when the worker itself fails. */
  listen: (onMessage: (message: WorkerMessage) => void, onError: (error: Error) => void) => void
  terminate: () => void
}

export type SpawnWorker = () => WorkerPort
