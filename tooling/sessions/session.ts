// What a runtime is to npm run runtimes and the live comparison: a RuntimeDef that opens
// a Session, which runs one Case and reports what it Observed.
import type { HostInput } from '../lib/process-hosts'

export interface Case {
  id: string
  program: string
  input: HostInput
  /** 'trap': the program panics; the same stdout and a panic message are expected, not the same bytes. */
  expect?: 'trap'
}

export interface Observed {
  stdout: Uint8Array
  stderr: Uint8Array
  exitCode: number | null
  trapped: boolean
  /** wasi.start() to its end, timed inside the host; undefined where the host cannot time it. */
  computeMs?: number
  /** A process run: spawn to exit (the whole process, start-up included), where there is no host to time inside. */
  wallMs?: number
  /** Why the run did not happen (timeout, no answer): the case fails with this. */
  failure?: string
}

export interface Session {
  version?: string
  /** Runs one case; `via` picks an entry when a runtime has two (workerd: the slide's Worker). */
  run: (c: Case, via?: string) => Promise<Observed>
  /** One start-up: spawn (or a fresh Web Worker) to the first byte of the answer for `hello`. */
  start: (hello: Case) => Promise<number>
  /** One run of `c` in a fresh runtime (new process, server or Web Worker); its computeMs is _start to exit, timed in the host. */
  fresh: (c: Case) => Promise<Observed>
  close: () => Promise<void>
}

export interface RuntimeDef {
  id: string
  name: string
  engine: string
  /** The file(s) that run the module. */
  host: string
  /** What was verified, in words (a row never says "deployed"). */
  verified: string
  /** A fact the row shows (Node 20: its end of life). */
  note?: string
  /** Cases this runtime's entry cannot carry, and why (it gets the others). */
  only?: { programs: string[], why: string }
  /**
   * A case this runtime cannot run as node:wasi does, and why: the row says so instead of failing.
   * The case still runs and its outcome is kept (it passes if it matched after all).
   */
  cannot?: (c: Case) => string | undefined
  /** A second entry on the same runtime that gets the `only` cases again (workerd: the slide's Worker). */
  alsoVia?: { label: string, programs: string[] }
  /** How long verifying every case may take (default RUNTIME_DEADLINE_MS): a JVM per case needs more. */
  deadlineMs?: number
  /** Whether the runtime is on this machine; a reason when it is not. */
  available: () => string | undefined
  /** Installed apart from npm (npm run runtimes:install, or PATH): a row only where it is installed; otherwise a line says how to install it. */
  optional?: boolean
  open: () => Promise<Session>
}

const te = new TextEncoder()
export const bytesOf = (v: string | Uint8Array | undefined) => (v === undefined ? new Uint8Array() : typeof v === 'string' ? te.encode(v) : v)
/** How long one HTTP request to a runtime's server may take. */
export const HTTP_DEADLINE_MS = 60_000
