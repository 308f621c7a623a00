// The shape of public/runtimes.json: written by `npm run runtimes` (scripts/runtimes.ts),
// read by the runtime table on the slides; and the lines the live comparison streams
// (dev-server/runtimes-endpoint.ts) to the page.

/**
 * One case on one runtime. `cannot`: the runtime cannot run this case as node:wasi does, and why
 * (no stdin, no preopen, a fixed argv[0]…): the case is not run, never silently dropped; the row
 * shows it, and it does not count as a failure.
 */
export interface CaseResult { case: string, pass: boolean, detail?: string, cannot?: string }

/** Load averages (1, 5, 15 minutes) around the timings, and the limit above which they are refused without --noisy. */
export interface LoadReport { before: number[], after: number[], limit: number, noisy: boolean }

export interface RuntimeReport {
  id: string
  name: string
  engine: string
  version?: string
  host: string
  verified: string
  /** A fact about the runtime that the row shows (Node 20: its end of life). */
  note?: string
  /** The row ran <program>.component.wasm (WASI 0.2) instead of the module (absent in files written before the component rows). */
  component?: boolean
  status: 'verified' | 'failed' | 'missing'
  message?: string
  /** Cases the runtime's entry cannot carry, and why. */
  skipped?: { cases: string[], why: string }
  results: CaseResult[]
  /** processMs: the whole mandelbrot process (spawn to exit), for a runtime with no host to time _start in. */
  timings?: { startMs: number, computeMs?: number, processMs?: number }
}

export interface RuntimesJson {
  date: string
  machine: { cpu: string, cores: number, os: string }
  reference: string
  /** How start and compute were measured, in words the slide shows. */
  method: Record<string, string | number>
  /** The machine's load around the timings (absent in a run without timings). */
  load?: LoadReport
  modules: Array<{ name: string, bytes: number, sha256: string }>
  /** The WASI 0.2 components the component rows ran (absent in files written before them). */
  components?: Array<{ name: string, bytes: number, sha256: string }>
  cases: string[]
  /** What a browser showing the deck runs to add its own row: node:wasi's output for these inputs. */
  live: {
    program: string
    stdin: string
    stdoutSha256: string
    cpu: { program: string, args: string[], stdoutSha256: string }
    cases: string[]
  }
  runtimes: RuntimeReport[]
}

/** One line of the live comparison's NDJSON stream. */
export type LiveLine
  = | { type: 'plan', case: string, runtimes: Array<{ id: string, name: string }> }
    | { type: 'row', id: string, name: string, engine: string, version?: string, ok: boolean, detail?: string, startMs?: number, computeMs?: number, notCarried?: string }
    | { type: 'done' }
