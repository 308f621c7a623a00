// Zig's own front end in the page: zig-check.wasm (zig/src/zig-check.zig, std.zig's
// parser, AstGen and renderer built for wasm32-wasi) run by the deck's runner.
// `check` gives the messages `zig ast-check` prints, `fmt` the text `zig fmt` writes.
// This file reads the program's output and places messages in the edited text; the
// runner is passed in (the page's in a Web Worker, the tests' in a worker thread).
import type { RunOptions, RunResult } from '../runner/protocol'
import { fetchWasm, pageRunner, wasmUrl } from '../runner/page-runner'

/** The program's name in public/wasm/ and in the manifest. */
export const ZIG_CHECK_PROGRAM = 'zig-check'

export interface ZigMessage {
  kind: 'error' | 'note'
  /** From 1, as the compiler prints them; the column counts bytes, as the compiler's does. */
  line: number
  column: number
  /** Byte offsets in the UTF-8 source: the span's start, the point the message is about, the span's end. */
  start: number
  main: number
  end: number
  message: string
}

/** Checked (`formatted` after a `fmt` without syntax errors), or not, with one line saying why (too large, too deep, stopped). */
export type ZigCheckResult
  = | { ok: true, messages: ZigMessage[], formatted?: string, result: RunResult }
    | { ok: false, problem: string, result: RunResult }

export type RunZigCheck = (options: RunOptions) => Promise<RunResult>

/**
 * zig-check on the page's runner: the module is fetched and compiled once, and the Web
 * Worker that ran the last check runs the next (see the runner's reuse rule).
 */
export function zigCheckInPage(): RunZigCheck {
  return async options => pageRunner().run(await fetchWasm(wasmUrl(ZIG_CHECK_PROGRAM)), options)
}

/** A message as the compiler prints its first line, without the file name: `3:13: error: expected ';' after statement`. */
export function messageLine(m: ZigMessage): string {
  return `${m.line}:${m.column}: ${m.kind}: ${m.message}`
}

const unescape = (text: string) => text.replace(/\\([\\tn])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'))

/** Reads `check`'s lines (see zig-check.zig): `kind<TAB>line<TAB>column<TAB>start<TAB>main<TAB>end<TAB>message`. */
export function parseMessages(stdout: string): ZigMessage[] {
  return stdout.split('\n').filter(Boolean).map((row) => {
    const [kind, line, column, start, main, end, ...message] = row.split('\t')
    if ((kind !== 'error' && kind !== 'note') || message.length !== 1)
      throw new Error(`zig-check wrote a line it should not: ${JSON.stringify(row.slice(0, 80))}`)
    return { kind, line: +line, column: +column, start: +start, main: +main, end: +end, message: unescape(message[0]) }
  })
}

/** Why a run gave no verdict, in one line; undefined when it did. */
function problemOf(r: RunResult, stdout: string): string | undefined {
  if (r.error?.kind === 'trap')
    return `zig-check stopped (${r.error.message}): std's parser and AstGen recurse, and deep nesting exhausts the stack`
  if (r.error)
    return `zig-check did not finish: ${r.error.message}`
  if (r.exitCode === 2 && stdout.startsWith('fatal\t'))
    return `not checked: ${stdout.slice('fatal\t'.length).trim()}`
  if (r.exitCode !== 0 && r.exitCode !== 1)
    return `zig-check exited with code ${r.exitCode}: ${(stdout || new TextDecoder().decode(r.stderr)).trim()}`
  return undefined
}

/** Checks `source` as `zig ast-check` does. */
export async function checkZig(source: string | Uint8Array, run: RunZigCheck): Promise<ZigCheckResult> {
  const result = await run({ programName: ZIG_CHECK_PROGRAM, args: ['check'], stdin: source })
  const stdout = new TextDecoder().decode(result.stdout)
  const problem = problemOf(result, stdout)
  return problem ? { ok: false, problem, result } : { ok: true, messages: parseMessages(stdout), result }
}

/** Formats `source` as `zig fmt` does; with syntax errors, gives those instead (and no text). */
export async function formatZig(source: string, run: RunZigCheck): Promise<ZigCheckResult> {
  const bytes = new TextEncoder().encode(source)
  // The formatted text can be longer than the source: room for that beyond the runner's default cap.
  const result = await run({ programName: ZIG_CHECK_PROGRAM, args: ['fmt'], stdin: bytes, maxOutputBytes: Math.max(1 << 20, 4 * bytes.length) })
  const stdout = new TextDecoder().decode(result.stdout)
  const problem = problemOf(result, stdout)
  if (problem)
    return { ok: false, problem, result }
  return result.exitCode === 0
    ? { ok: true, messages: [], formatted: stdout, result }
    : { ok: true, messages: parseMessages(stdout), result }
}

/**
 * UTF-16 offsets (what a JS string and Monaco count) of byte offsets into the UTF-8
 * encoding of `source`, in one pass over the text.
 */
export function utf16Offsets(source: string, byteOffsets: number[]): number[] {
  const order = byteOffsets.map((b, i) => [b, i] as const).sort((x, y) => x[0] - y[0])
  const out = Array.from<number>({ length: byteOffsets.length })
  let bytes = 0
  let units = 0
  let k = 0
  while (k < order.length) {
    if (order[k][0] <= bytes || units >= source.length) {
      out[order[k][1]] = units
      k++
      continue
    }
    const code = source.codePointAt(units)!
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
    units += code < 0x10000 ? 1 : 2
  }
  return out
}
