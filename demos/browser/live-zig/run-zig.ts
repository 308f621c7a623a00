// Live Zig for Slidev's {monaco-run} blocks: the edited source is compiled by the
// dev server (POST /__zig/compile) and run in this page by the WASI runner. On a
// built site there is no compiler: unedited code runs its prebuilt module, found
// in the manifest by a hash of the source; edited code gets a message saying so.
import type { CodeRunnerOutput } from '@slidev/types'
import { loadManifest } from '../../shared/manifest'
import { fetchWasm, pageRunner, wasmUrl } from '../runner/page-runner'
import type { RunResult } from '../runner/protocol'
import { messageOf } from '../../shared/errors'
import { formatBytes } from '../../shared/format'
import { sha256Hex } from '../../shared/sha256'

export const COMPILE_URL = `${import.meta.env.BASE_URL}__zig/compile`

interface CompileReply {
  ok: boolean
  ms: number
  bytes?: number
  wasm?: string
  diagnostics?: Array<{ line: number, column: number, message: string }>
  output?: string
  timedOut?: boolean
  error?: string
}

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
    out.push({ text: text(r.stderr), class: 'live-zig-stderr whitespace-pre text-red-400' })
  if (r.error)
    out.push({ error: `${r.error.kind}: ${r.error.message}` })
  else if (r.exitCode !== 0)
    out.push({ text: `exit code ${r.exitCode}`, class: 'text-orange-400' })
  return out
}

/** Marks compile errors on their lines in the slide's editor (and clears them after a good compile). */
async function markInEditor(code: string, diagnostics: NonNullable<CompileReply['diagnostics']>): Promise<void> {
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

export async function runZig(code: string, options: { stdin?: string, args?: string[] } = {}): Promise<CodeRunnerOutput[]> {
  const run = (wasm: Uint8Array) => pageRunner().run(wasm, { programName: 'main', stdin: options.stdin, args: options.args })

  // The PDF shows the prebuilt module's run: an export must not depend on a compiler.
  const printing = typeof location !== 'undefined' && new URLSearchParams(location.search).has('print')
  if (!__SLIDEV_HAS_SERVER__ || printing) {
    const name = await prebuiltFor(code)
    if (!name)
      return [{ error: 'This is the built site: there is no compiler here. Compiling edited Zig needs the dev server (npm run dev) with Zig 0.11 installed. Undo your edits to run the prebuilt module.' }]
    const r = await run(await fetchWasm(wasmUrl(name)))
    return [...runOutputs(r), { text: `prebuilt ${name}.wasm (npm run build:wasm), run ${r.timings.runMs.toFixed(1)} ms`, class: 'live-zig-info opacity-50 text-xs' }]
  }

  let reply: CompileReply
  try {
    const response = await fetch(COMPILE_URL, { method: 'POST', body: code, headers: { 'content-type': 'text/plain' } })
    reply = await response.json() as CompileReply
    if (!response.ok)
      return [{ error: reply.error ?? `compile request failed: ${response.status}` }]
  }
  catch (e) {
    return [{ error: `The dev server did not answer the compile request: ${messageOf(e)}` }]
  }
  await markInEditor(code, reply.ok ? [] : reply.diagnostics ?? []).catch(() => {})
  if (!reply.ok) {
    if (reply.timedOut)
      return [{ error: `The compiler was stopped: ${reply.output}` }]
    const lines = reply.diagnostics?.length
      ? reply.diagnostics.map(d => `line ${d.line}, column ${d.column}: ${d.message}`).join('\n')
      : reply.output ?? 'compile failed'
    return [
      { text: lines, class: 'live-zig-errors whitespace-pre-wrap text-red-500' },
      { text: `compile failed after ${(reply.ms / 1000).toFixed(1)} s`, class: 'opacity-50 text-xs' },
    ]
  }
  const wasm = new Uint8Array([...atob(reply.wasm!)].map(c => c.charCodeAt(0)))
  const r = await run(wasm)
  return [...runOutputs(r), { text: `compiled in ${(reply.ms / 1000).toFixed(1)} s, ${formatBytes(reply.bytes!)}; run ${r.timings.runMs.toFixed(1)} ms`, class: 'live-zig-info opacity-50 text-xs' }]
}
