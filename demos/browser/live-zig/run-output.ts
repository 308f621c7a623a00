// What Live Zig shows under the editor, as Slidev's code runner outputs, each line with its
// class (the styles are the deck's): a run's stdout, stderr and exit, the compiler's errors,
// the front end's verdict, and the muted line that says where the module came from.
import type { CodeRunnerOutput } from '@slidev/types'
import type { RunResult } from '../runner/protocol'
import type { CompileReply } from './compile-reply'
import { formatBytes, formatMs, formatSeconds } from '../../shared/format'
import { checkZig, messageLine, zigCheckInPage } from './zig-check'

export function runOutputs(r: RunResult): CodeRunnerOutput[] {
  const text = (b: Uint8Array) => new TextDecoder().decode(b)
  const out: CodeRunnerOutput[] = []
  if (r.stdout.length)
    out.push({ text: text(r.stdout), class: 'live-zig-stdout whitespace-pre' })
  if (r.stderr.length)
    out.push({ text: text(r.stderr), class: 'live-zig-stderr whitespace-pre error-text' })
  if (r.error)
    out.push({ error: `${r.error.kind}: ${r.error.message}` })
  else if (r.exitCode !== 0)
    out.push({ text: `exit code ${r.exitCode}`, class: 'warn-text' })
  return out
}

/** The compiler's errors, one line each with its line and column, and how long it took. */
export function compileErrorOutputs(reply: Extract<CompileReply, { ok: false }>): CodeRunnerOutput[] {
  const lines = reply.diagnostics.length
    ? reply.diagnostics.map(d => `line ${d.line}, column ${d.column}: ${d.message}`).join('\n')
    : reply.output
  return [
    { text: lines, class: 'live-zig-errors whitespace-pre-wrap error-text' },
    { text: `compile failed after ${formatSeconds(reply.ms)}`, class: 'muted text-xs' },
  ]
}

/** Where the module that ran came from, and the run's time. */
export function infoOutput(text: string): CodeRunnerOutput {
  return { text, class: 'live-zig-info muted text-xs' }
}

/** The line under a run of the dev server's module. */
export function compiledInfo(reply: Extract<CompileReply, { ok: true }>, r: RunResult): CodeRunnerOutput {
  return infoOutput(`compiled by the dev server's Zig (LLVM) in ${formatSeconds(reply.ms)}, ${formatBytes(reply.bytes)}; run ${formatMs(r.timings.runMs, 1)}`)
}

export /** What Zig's front end (std's parser and AstGen, in this page) says of the code: the lines `zig ast-check` prints. */
async function frontEndVerdict(code: string): Promise<CodeRunnerOutput> {
  const checked = await checkZig(code, zigCheckInPage())
  if (!checked.ok)
    return { text: checked.problem, class: 'live-zig-verdict warn-text' }
  if (checked.messages.length === 0)
    return { text: 'zig ast-check, in this page: no errors before types (types are checked by the compiler)', class: 'live-zig-verdict' }
  return { text: checked.messages.map(messageLine).join('\n'), class: 'live-zig-verdict whitespace-pre-wrap error-text' }
}
