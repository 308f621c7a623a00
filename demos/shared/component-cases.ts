// The cases every component host runs, each compared byte for byte with the preview 1
// module under node:wasi (test/unit/components.test.ts in Node and wasmtime,
// test/e2e/components.spec.ts in the page's Web Worker).
import { benchInput } from './workloads'

export interface ComponentCase {
  label: string
  program: string
  stdin?: string | Uint8Array
  /** Instead of `stdin`: this many bytes of benchInput's text (cheap to hand to a browser). */
  stdinBytes?: number
  args?: string[]
  files?: Record<string, string>
  /** How the run ends: an exit (with node:wasi's code) or a trap or the watchdog. */
  ends: 'exit' | 'trap' | 'timeout'
}

export const COMPONENT_CASES: ComponentCase[] = [
  { label: 'demo: text upside down', program: 'demo', stdin: 'Hello, Zig!\nsecond line\n', ends: 'exit' },
  { label: 'demo: not UTF-8 (exit 1)', program: 'demo', stdin: new Uint8Array([0x6F, 0x6B, 0x80]), ends: 'exit' },
  { label: 'demo: 1 MiB', program: 'demo', stdinBytes: 1 << 20, ends: 'exit' },
  { label: 'greet', program: 'greet', ends: 'exit' },
  { label: 'mandelbrot 40×12', program: 'mandelbrot', args: ['40', '12', '200'], ends: 'exit' },
  { label: 'exit-code 3', program: 'exit-code', args: ['3'], ends: 'exit' },
  { label: 'read-file: a preopened file', program: 'read-file', args: ['a/b.txt'], files: { 'a/b.txt': 'inside\n' }, ends: 'exit' },
  { label: 'read-file: no such file', program: 'read-file', args: ['nope'], ends: 'exit' },
  { label: 'read-file: usage (exit 2)', program: 'read-file', ends: 'exit' },
  { label: 'panic: a trap', program: 'panic', stdin: '7', ends: 'trap' },
  { label: 'forever: the watchdog', program: 'forever', ends: 'timeout' },
]

/**
 * The exit code a component reports for a module's: WASI 0.2's wasi:cli/exit takes
 * result<_, _> (exit-with-code is unstable), so the preview 1 adapter turns
 * proc_exit(n) into ok for 0 and err for anything else, which every host reports as 1.
 */
export function componentExitCode(moduleExitCode: number): number {
  return moduleExitCode === 0 ? 0 : 1
}

/** A case's stdin as bytes or text. */
export function caseStdin(c: ComponentCase): string | Uint8Array | undefined {
  return c.stdinBytes ? benchInput(c.stdinBytes) : c.stdin
}
