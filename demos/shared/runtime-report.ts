// The shape of public/runtimes.json: written by `npm run runtimes` (scripts/runtimes.ts),
// read by the runtime table on the slides; and the lines the live comparison streams
// (scripts/runtimes-endpoint.ts) to the page.

export interface CaseResult { case: string, pass: boolean, detail?: string }

export interface RuntimeReport {
  id: string
  name: string
  engine: string
  version?: string
  host: string
  verified: string
  status: 'verified' | 'failed' | 'missing'
  message?: string
  /** Cases the runtime's entry cannot carry, and why. */
  skipped?: { cases: string[], why: string }
  results: CaseResult[]
  timings?: { startMs: number, computeMs?: number }
}

export interface RuntimesJson {
  date: string
  machine: { cpu: string, cores: number, os: string }
  reference: string
  /** How start and compute were measured, in words the slide shows. */
  method: Record<string, string | number>
  modules: Array<{ name: string, bytes: number, sha256: string }>
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
