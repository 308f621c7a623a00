// Live Zig for Slidev's {monaco-run} blocks: the edited source is compiled by the
// dev server (POST /__zig/compile) and run in this page by the WASI runner. On a
// built site (or when the dev server is gone) unedited code runs its prebuilt module,
// found in the manifest by a hash of the source, and edited code is compiled in the
// page by the Zig compiler itself, built as a wasm32-wasi module (zig-in-page.ts).
import type { CodeRunnerOutput, CodeRunnerOutputs } from '@slidev/types'
import type { RunResult } from '../runner/protocol'
import type { CompileDiagnostic } from './zig-wasm-compiler'
import { shallowRef } from 'vue'
import { messageOf } from '../../shared/errors'
import { formatBytes, formatSeconds } from '../../shared/format'
import { loadManifest } from '../../shared/manifest'
import { sha256Hex } from '../../shared/sha256'
import { fetchWasm, pageRunner, wasmUrl } from '../runner/page-runner'
import { inPageCompilerLoaded, loadInPageCompiler } from './zig-in-page'

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

type Run = (wasm: Uint8Array) => Promise<RunResult>

/** The latest in-page compile asked for: Slidev runs the block on every edit, and only the last one counts. */
let latestCompile = 0

/**
 * Compiles in the page with zig.wasm, showing progress while the compiler loads (only
 * the first time) and compiles; the outputs update in place.
 */
function compileInPage(code: string, run: Run): CodeRunnerOutputs {
  const outputs = shallowRef<CodeRunnerOutput[]>([])
  const status = (text: string) => {
    outputs.value = [{ text, class: 'live-zig-progress muted text-sm' }]
  }
  const id = ++latestCompile
  void (async () => {
    try {
      const t0 = performance.now()
      const fetching = !inPageCompilerLoaded()
      const compiler = await loadInPageCompiler(status)
      const loadMs = performance.now() - t0
      status(`compiling in the page with zig.wasm (${formatBytes(compiler.compilerBytes)})…`)
      // Compiles run one at a time: one for code edited since is not worth the wait.
      const result = await compiler.compile(code, () => id !== latestCompile)
      if (!result) {
        outputs.value = []
        return
      }
      const loaded = fetching ? `, after ${formatSeconds(loadMs)} loading it` : ''
      const who = `in-page zig.wasm (${formatBytes(compiler.compilerBytes)}, Zig ${compiler.manifest.zig}, self-hosted wasm backend)`
      await markInEditor(code, result.ok ? [] : result.diagnostics).catch(() => {})
      if (!result.ok) {
        const lines = result.diagnostics.length
          ? result.diagnostics.map(d => `line ${d.line}, column ${d.column}: ${d.message}`).join('\n')
          : result.output
        outputs.value = [
          result.diagnostics.length ? { text: lines, class: 'live-zig-errors whitespace-pre-wrap text-red-500' } : { error: lines },
          { text: `${who}: compile failed after ${formatSeconds(result.ms)}${loaded}`, class: 'live-zig-info muted text-xs' },
        ]
        return
      }
      const r = await run(result.wasm)
      outputs.value = [...runOutputs(r), {
        text: `compiled by ${who} in ${formatSeconds(result.ms)}${loaded}, ${formatBytes(result.wasm.length)}; run ${r.timings.runMs.toFixed(1)} ms`,
        class: 'live-zig-info muted text-xs',
      }]
    }
    catch (e) {
      outputs.value = [{ error: `The in-page Zig compiler could not start: ${messageOf(e)}` }]
    }
  })()
  return outputs
}

export async function runZig(code: string, options: { stdin?: string, args?: string[] } = {}): Promise<CodeRunnerOutputs> {
  const run: Run = wasm => pageRunner().run(wasm, { programName: 'main', stdin: options.stdin, args: options.args })

  // The PDF shows the prebuilt module's run: an export must not depend on a compiler.
  const printing = typeof location !== 'undefined' && new URLSearchParams(location.search).has('print')
  if (!__SLIDEV_HAS_SERVER__ || printing) {
    const name = await prebuiltFor(code)
    if (!name) {
      if (printing)
        return [{ error: 'The PDF shows the prebuilt module: this code has none.' }]
      return compileInPage(code, run)
    }
    if (!printing)
      void markInEditor(code, []).catch(() => {}) // an earlier compile's errors no longer apply
    const r = await run(await fetchWasm(wasmUrl(name)))
    return [...runOutputs(r), { text: `prebuilt ${name}.wasm (npm run build:wasm), run ${r.timings.runMs.toFixed(1)} ms`, class: 'live-zig-info muted text-xs' }]
  }

  let reply: CompileReply
  try {
    const response = await fetch(COMPILE_URL, { method: 'POST', body: code, headers: { 'content-type': 'text/plain' } })
    reply = await response.json() as CompileReply
    if (!response.ok)
      return [{ error: reply.error ?? `compile request failed: ${response.status}` }]
  }
  catch {
    // The dev server is gone (stopped, or the page outlived it): compile here.
    return compileInPage(code, run)
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
      { text: `compile failed after ${formatSeconds(reply.ms)}`, class: 'muted text-xs' },
    ]
  }
  const wasm = new Uint8Array([...atob(reply.wasm!)].map(c => c.charCodeAt(0)))
  const r = await run(wasm)
  return [...runOutputs(r), { text: `compiled by the dev server's Zig (LLVM) in ${formatSeconds(reply.ms)}, ${formatBytes(reply.bytes!)}; run ${r.timings.runMs.toFixed(1)} ms`, class: 'live-zig-info muted text-xs' }]
}
