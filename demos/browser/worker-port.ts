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

/** Keeps what a worker says before anyone listens (a spare's "ready"), then passes it on. */
export function bufferedInbox<Out>() {
  let early: Array<{ message: Out } | { error: Error }> = []
  let onMessage: ((message: Out) => void) | undefined
  let onError: ((error: Error) => void) | undefined
  return {
    message: (message: Out) => (onMessage ? onMessage(message) : early.push({ message })),
    error: (error: Error) => (onError ? onError(error) : early.push({ error })),
    listen(messages: (message: Out) => void, errors: (error: Error) => void) {
      onMessage = messages
      onError = errors
      const queued = early
      early = []
      for (const item of queued)
        'message' in item ? messages(item.message) : errors(item.error)
    },
  }
}

/** A worker that has not said "ready" by then is reported as failed to start. */
export const WORKER_START_TIMEOUT_MS = 30_000
