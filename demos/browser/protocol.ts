// The types shared by the runner (host side) and its worker.

/** Why a run did not finish on its own. A non-zero exit code is not an error. */
export type RunErrorKind = 'load' | 'trap' | 'timeout' | 'output-limit' | 'crash'

export interface RunError {
  kind: RunErrorKind
  message: string
}

export interface RunOptions {
  /** Bytes or text for fd 0. Text is encoded as UTF-8. */
  stdin?: string | Uint8Array
  /** Arguments after argv[0]. */
  args?: string[]
  /** argv[0]; defaults to "main". */
  programName?: string
  env?: Record<string, string>
  /** Files under the preopened directory "/" (fd 3, Zig's cwd). Keys are relative paths ("a/b.txt"). */
  files?: Record<string, string | Uint8Array>
  /** The worker is terminated after this many ms (default 5000). */
  timeoutMs?: number
  /** stdout + stderr bytes after which the program is stopped (default 1 MiB). */
  maxOutputBytes?: number
  /**
   * Files to hand back after the run, in `RunResult.files`: paths under "/" of files, or of
   * directories (every file below them). Missing paths are left out.
   */
  returnFiles?: string[]
  onStdout?: (bytes: Uint8Array) => void
  onStderr?: (bytes: Uint8Array) => void
}

export interface RunTimings {
  /** WebAssembly.compile; 0 when the compiled module came from the cache. */
  compileMs: number
  instantiateMs: number
  /** _start until it returned, exited or trapped. */
  runMs: number
  /** From run() to its result, worker hand-off included. */
  totalMs: number
}

export interface RunResult {
  /** null when the program did not exit (trap, timeout, output limit, load error). */
  exitCode: number | null
  error?: RunError
  stdout: Uint8Array
  stderr: Uint8Array
  timings: RunTimings
  /** The files named by `RunOptions.returnFiles`, as the program left them (relative paths). */
  files?: Record<string, Uint8Array>
}

/** What the host sends to a worker: one run per worker. */
export interface StartMessage {
  type: 'start'
  module: WebAssembly.Module
  stdin: Uint8Array
  argv: string[]
  env: string[]
  files: Record<string, Uint8Array>
  maxOutputBytes: number
  returnFiles?: string[]
}

/** What a worker sends back. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'output', stdout: Uint8Array, stderr: Uint8Array }
  | { type: 'done', exitCode: number | null, error?: RunError, instantiateMs: number, runMs: number, files?: Record<string, Uint8Array> }

export const DEFAULT_TIMEOUT_MS = 5000
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024
