// The shape of public/runtimes.json: written by `npm run runtimes` (scripts/runtimes.ts),
// read by the runtime table on the slides.

export interface CaseResult { case: string, pass: boolean, detail?: string }

export interface RuntimeReport {
  id: string
  name: string
  engine: string
  version?: string
  host: string
  status: 'verified' | 'failed' | 'missing'
  message?: string
  results: CaseResult[]
  timings?: Record<string, number>
}

export interface RuntimesJson {
  date: string
  machine: { cpu: string, cores: number, os: string }
  reference: string
  modules: Array<{ name: string, bytes: number, sha256: string }>
  cases: Array<{ id: string, program: string, workerd: boolean }>
  /** What a browser showing the deck runs to add its own row: node:wasi's output for this input. */
  live: { program: string, stdin: string, stdoutSha256: string }
  runtimes: RuntimeReport[]
}
