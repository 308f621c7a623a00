// The little a host needs from a worker, so the same code drives a Web Worker in
// the browser and a worker_threads thread under Node.
import type { StartMessage, WorkerMessage } from './protocol'

export interface WorkerPort<In = StartMessage, Out = WorkerMessage> {
  /** Sends the one message a worker gets; `transfer` moves buffers instead of copying them. */
  start: (message: In, transfer?: Transferable[]) => void
  /** Called for every message; `onError` when the worker itself fails. */
  listen: (onMessage: (message: Out) => void, onError: (error: Error) => void) => void
  terminate: () => void
}

export type SpawnWorker<In = StartMessage, Out = WorkerMessage> = () => WorkerPort<In, Out>
