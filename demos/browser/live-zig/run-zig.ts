// Live Zig for Slidev's {monaco-run} blocks: the edited source is compiled by the
// dev server (POST /__zig/compile) and run in this page by the WASI runner. On a
// built site (or when the dev server is gone) unedited code runs its prebuilt module,
// found in the manifest by a hash of the source; edited code gets Zig's own front end's
// verdict (zig-check.wasm, see zig-check.ts), then one line saying that compiling needs
// the dev server.
import type { CodeRunnerOutput, CodeRunnerOutputs } from '@slidev/types'
import type { RunResult } from '../runner/protocol'
import type { CompileDiagnostic, CompileReply } from './compile-reply'
import { messageOf } from '../../shared/errors'
import { formatBytes, formatSeconds } from '../../shared/format'
import { loadManifest } from '../../shared/manifest'
import { sha256Hex } from '../../shared/sha256'
import { fetchWasm, pageRunner, wasmUrl } from '../runner/page-runner'
import { checkZig, messageLine, zigCheckInPage } from './zig-check'

export const COMPILE_URL = `${import.meta.env.BASE_URL}__zig/compile`

/** The prebuilt module whose source is exactly this code (Monaco trims the final newline). */
async function prebuiltFor(code: string): Promise<string | undefined> {
  const hash = await sha256Hex(`${code.trimEnd()}\n`)
  return (await loadManifest()).modules.find(m => m.sourceSha256 === hash)?.name
}

function runOutputs(r: RunResult): CodeRunnerOutput[] {
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

/** Marks compile errors on their lines in the slide's editor (and clears them after a good compile). */
async function markInEditor(code: string, diagnostics: CompileDiagnostic[]): Promise<void> {
  const { default: setup } = await import('@slidev/client/setup/monaco.ts')
  const { monaco } = await setup()
  for (const model of monaco.editor.getModels()) {
    if (model.getValue() !== code)
      continue
    monaco.editor.setModelMarkers(model, 'zig', diagnostics
      .filter(d => d.line <= model.getLineCount())
      .map(d => ({
        severity: monaco.MarkerSeverity.Error,
        message: d.message,
        startLineNumber: d.line,
        startColumn: d.column,
        endLineNumber: d.line,
        endColumn: model.getLineMaxColumn(d.line),
      })))
  }
}

/** What a built site (or a page whose dev server is gone) says to an edited program. */
export const NEEDS_DEV_SERVER = 'Compiling edited code needs the dev server (npm run dev); this page has the prebuilt program only.'

type Run = (wasm: Uint8Array) => Promise<RunResult>

/** What Zig's front end (std's parser and AstGen, in this page) says of the code: the lines `zig ast-check` prints. */
async function frontEndVerdict(code: string): Promise<CodeRunnerOutput> {
  const checked = await checkZig(code, zigCheckInPage())
  if (!checked.ok)
    return { text: checked.problem, class: 'live-zig-verdict warn-text' }
  if (checked.messages.length === 0)
    return { text: 'zig ast-check, in this page: no errors before types (types are checked by the compiler)', class: 'live-zig-verdict' }
  return { text: checked.messages.map(messageLine).join('\n'), class: 'live-zig-verdict whitespace-pre-wrap error-text' }
}

/** Runs the prebuilt module of unedited code; edited code gets the front end's verdict and the one line above. */
async function runPrebuilt(code: string, run: Run, printing: boolean): Promise<CodeRunnerOutputs> {
  const name = await prebuiltFor(code)
  if (!name) {
    if (printing)
      return [{ error: 'The PDF shows the prebuilt module: this code has none.' }]
    const verdict = await frontEndVerdict(code).catch((e: unknown) => ({ error: `zig-check could not run: ${messageOf(e)}` }))
    return [verdict, { text: NEEDS_DEV_SERVER, class: 'live-zig-needs-server warn-text' }]
  }
  if (!printing)
    void markInEditor(code, []).catch(() => {}) // an earlier compile's errors no longer apply
  const r = await run(await fetchWasm(wasmUrl(name)))
  return [...runOutputs(r), { text: `prebuilt ${name}.wasm (npm run build:wasm), run ${r.timings.runMs.toFixed(1)} ms`, class: 'live-zig-info muted text-xs' }]
}

export async function runZig(code: string, options: { stdin?: string, args?: string[] } = {}): Promise<CodeRunnerOutputs> {
  const run: Run = wasm => pageRunner().run(wasm, { programName: 'main', stdin: options.stdin, args: options.args })

  // The PDF shows the prebuilt module's run: an export must not depend on a compiler.
  const printing = typeof location !== 'undefined' && new URLSearchParams(location.search).has('print')
  if (!__SLIDEV_HAS_SERVER__ || printing)
    return runPrebuilt(code, run, printing)

  let reply: CompileReply
  try {
    const response = await fetch(COMPILE_URL, { method: 'POST', body: code, headers: { 'content-type': 'text/plain' } })
    reply = await response.json() as CompileReply
    if ('error' in reply)
      return [{ error: reply.error }]
    if (!response.ok)
      return [{ error: `compile request failed: ${response.status}` }]
  }
  catch {
    // The dev server is gone (stopped, or the page outlived it): only prebuilt code runs.
    return runPrebuilt(code, run, false)
  }
  await markInEditor(code, reply.ok ? [] : reply.diagnostics).catch(() => {})
  if (!reply.ok) {
    if (reply.timedOut)
      return [{ error: `The compiler was stopped: ${reply.output}` }]
    const lines = reply.diagnostics.length
      ? reply.diagnostics.map(d => `line ${d.line}, column ${d.column}: ${d.message}`).join('\n')
      : reply.output
    return [
      { text: lines, class: 'live-zig-errors whitespace-pre-wrap error-text' },
      { text: `compile failed after ${formatSeconds(reply.ms)}`, class: 'muted text-xs' },
    ]
  }
  const wasm = new Uint8Array([...atob(reply.wasm)].map(c => c.charCodeAt(0)))
  const r = await run(wasm)
  return [...runOutputs(r), { text: `compiled by the dev server's Zig (LLVM) in ${formatSeconds(reply.ms)}, ${formatBytes(reply.bytes)}; run ${r.timings.runMs.toFixed(1)} ms`, class: 'live-zig-info muted text-xs' }]
}
