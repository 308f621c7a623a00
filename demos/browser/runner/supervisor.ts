// The little a host needs from a worker, so the same code drives a Web Worker in
// the browser and a worker_threads thread under Node.
import type { RunError, StartMessage, WorkerMessage } from './protocol'

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

/** How a run ends when the watchdog stops it: past its own limit, or its worker never started. */
export function timeoutError(timeoutMs: number): RunError {
  return { kind: 'timeout', message: `stopped after ${timeoutMs} ms: the program did not finish in time` }
}
export function startTimeoutError(): RunError {
  return { kind: 'crash', message: `the worker did not start within ${WORKER_START_TIMEOUT_MS / 1000} s` }
}

export interface Supervision<In, Out, R> {
  message: In
  transfer?: Transferable[]
  /** The job's own limit, counted from the worker's "ready". */
  timeoutMs: number
  /** The worker said "ready" before (it finished a job cleanly and is idle): the clock starts now. */
  ready?: boolean
  /**
   * Every message but "ready"; call `settle` with the result to end the job. `keep: true`
   * leaves the worker running for another job (only after a clean finish); by default
   * it is terminated.
   */
  onMessage: (message: Out, settle: (result: R, keep?: boolean) => void) => void
  onTimeout: () => R
  onStartTimeout: () => R
  onError: (error: Error) => R
}

/**
 * Runs one job on a worker and terminates the worker when it ends, however it ends,
 * unless the job ended cleanly and asks to keep it. Loading a worker's script is not the
 * job's time: the job's clock starts when the worker says "ready"; until then the
 * longer start-up limit applies.
 */
export function superviseWorker<In, Out extends { type: string }, R>(
  worker: WorkerPort<In, Out>,
  job: Supervision<In, Out, R>,
): Promise<R> {
  return new Promise<R>((resolve) => {
    // #region watchdog
    let settled = false
    const settle = (result: R, keep = false) => {
      if (settled)
        return
      settled = true
      clearTimeout(watchdog)
      if (!keep)
        worker.terminate() // stops even a wasm module that spins forever
      resolve(result)
    }
    let watchdog = job.ready
      ? setTimeout(() => settle(job.onTimeout()), job.timeoutMs)
      : setTimeout(() => settle(job.onStartTimeout()), WORKER_START_TIMEOUT_MS)
    worker.listen((message) => {
      if (settled)
        return
      if (message.type === 'ready') {
        clearTimeout(watchdog)
        watchdog = setTimeout(() => settle(job.onTimeout()), job.timeoutMs)
      }
      else {
        job.onMessage(message, settle)
      }
    }, error => settle(job.onError(error)))
    // #endregion watchdog
    worker.start(job.message, job.transfer)
  })
}

/**
 * Spawns through `spawn`, keeping one worker started ahead when asked (`warm`): a job
 * takes that one instead of waiting for a script to load. A worker still serves one job
 * only; `warm` after a job starts the next.
 */
export function withSpare<In, Out>(spawn: SpawnWorker<In, Out>) {
  let spare: WorkerPort<In, Out> | undefined
  return {
    spawn: (): WorkerPort<In, Out> => {
      const worker = spare ?? spawn()
      spare = undefined
      return worker
    },
    warm: () => {
      spare ??= spawn()
    },
    /** The worker started ahead, if any (still unused). */
    peek: (): WorkerPort<In, Out> | undefined => spare,
    dispose: () => {
      spare?.terminate()
      spare = undefined
    },
  }
}
