// The types shared by the runner (runner.ts, in the page) and its Web Worker (web-worker.ts).

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
  /** Files under the preopened directory "/" (fd 3, Zig's cwd). Keys are relative paths ("a/b.txt"). Shorthand for `preopens: { '/': files }`. */
  files?: Record<string, string | Uint8Array>
  /**
   * Named preopened directories, from fd 3 in the object's key order (insertion order; JS puts
   * integer-like names such as "1" first): `{ out: { 'a/b.txt': 'text', 'empty/': '' } }`.
   * A path ending in "/" is an empty directory. With neither `files` nor `preopens`, "/" is preopened empty.
   */
  preopens?: Record<string, PreopenFiles>
  /** The worker is terminated after this many ms (default 5000). */
  timeoutMs?: number
  /** stdout + stderr bytes after which the program is stopped (default 1 MiB). */
  maxOutputBytes?: number
  onStdout?: (bytes: Uint8Array) => void
  onStderr?: (bytes: Uint8Array) => void
}

/** A preopened directory's contents: relative path -> file contents; a path ending in "/" is an empty directory. */
export type PreopenFiles = Record<string, string | Uint8Array>

/** What a program left in a preopen: every file, and every empty directory as "path/" -> empty bytes. */
export type PreopenTree = Record<string, Uint8Array>

export interface RunTimings {
  /** WebAssembly.compile; 0 when the compiled module came from the cache. */
  compileMs: number
  instantiateMs: number
  /** _start until it returned, exited or trapped. */
  runMs: number
  /** From run() to its result, worker hand-off included. */
  totalMs: number
  /** Components: the part of instantiateMs spent waiting for the transpiled JS's import (what a preload left). */
  importMs?: number
}

export interface RunResult {
  /** null when the program did not exit (trap, timeout, output limit, load error). */
  exitCode: number | null
  error?: RunError
  stdout: Uint8Array
  stderr: Uint8Array
  /** What the program left in each preopen, by name; absent when the worker did not finish (timeout, crash, load error). */
  preopens?: Record<string, PreopenTree>
  timings: RunTimings
}

/** What the runner sends a worker to start a run (a worker runs one program at a time). */
export interface StartMessage {
  type: 'start'
  module: WebAssembly.Module
  stdin: Uint8Array
  argv: string[]
  env: string[]
  /** [name, contents] in fd order (an array: object keys like "1" would not keep their order). */
  preopens: Array<[string, Record<string, Uint8Array>]>
  maxOutputBytes: number
}

/** What a worker sends back. */
export type WorkerMessage
  = | { type: 'ready' }
    | { type: 'output', stdout: Uint8Array, stderr: Uint8Array }
    | { type: 'done', exitCode: number | null, error?: RunError, preopens?: Record<string, PreopenTree>, instantiateMs: number, runMs: number, importMs?: number }

export const DEFAULT_TIMEOUT_MS = 5000
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024

/** What the component runner sends its Web Worker (component-worker.ts) to run a transpiled WASI 0.2 component. */
export interface ComponentStartMessage {
  type: 'start'
  /** The transpiled JS (absolute URL): its `instantiate(getCoreModule, imports)`. */
  jsUrl: string
  /** The compiled core modules, by the file name the JS asks for ("demo.core2.wasm"). */
  modules: Record<string, WebAssembly.Module>
  stdin: Uint8Array
  argv: string[]
  env: Record<string, string>
  /** Files under the preopened "/" (relative paths). */
  files: Record<string, Uint8Array>
  maxOutputBytes: number
}

/**
 * Sent to a component worker started ahead (the runner's `warm`), before any run: import the
 * component's transpiled JS now, so that a run finds it parsed and evaluated (as a module's
 * bytes are compiled ahead). The run still instantiates and runs it.
 */
export interface ComponentPreloadMessage {
  type: 'preload'
  jsUrl: string
}

/** Everything a component worker is sent. */
export type ComponentWorkerMessage = ComponentStartMessage | ComponentPreloadMessage
