// The benchmark's workloads, the same in Node and in the browser, for npm run bench,
// npm run runtimes and the slides that show their figures.

/** The CPU-bound workload: the Mandelbrot set, this wide and high, with this many iterations. */
export const MANDELBROT = { width: 160, height: 60, iterations: 20000 }
/** mandelbrot.wasm's arguments for it. */
export const MANDELBROT_ARGS = [MANDELBROT.width, MANDELBROT.height, MANDELBROT.iterations].map(String)
/** "mandelbrot 160×60, 20000 iterations" */
export const MANDELBROT_LABEL = `mandelbrot ${MANDELBROT.width}×${MANDELBROT.height}, ${MANDELBROT.iterations} iterations`

export interface Workload {
  label: string
  program: string
  args: string[]
  /** Input size in bytes; the text is made by `benchInput`. */
  stdinBytes: number
  /** The most the runner's time may be over node:wasi's (the bench's target). */
  overheadTarget: number
}

export const WORKLOADS: Workload[] = [
  { label: `CPU-bound: ${MANDELBROT_LABEL}`, program: 'mandelbrot', args: MANDELBROT_ARGS, stdinBytes: 0, overheadTarget: 1.1 },
  { label: 'I/O: 1 MiB through demo', program: 'demo', args: [], stdinBytes: 1 << 20, overheadTarget: 1.5 },
]

/** ASCII text of exactly `bytes` bytes, lines of 64. */
export function benchInput(bytes: number): string {
  const line = 'The quick brown fox jumps over the lazy dog; Zig 0.17 on WASI!\n'
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes)
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
