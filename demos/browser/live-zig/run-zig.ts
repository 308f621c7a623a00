// Live Zig for Slidev's {monaco-run} blocks: the edited source is compiled by the
// dev server (POST /__zig/compile) and run in this page by the WASI runner. On a
// built site (or when the dev server is gone) unedited code runs its prebuilt module,
// found in the manifest by a hash of the source; edited code gets Zig's own front end's
// verdict (zig-check.wasm, see zig-check.ts), then one line saying that compiling needs
// the dev server. This file is the orchestration; the HTTP client is compile-client.ts, the
// editor's marks editor-marks.ts, what is shown run-output.ts.
import type { CodeRunnerOutputs } from '@slidev/types'
import type { RunResult } from '../runner/protocol'
import type { CompileReply } from './compile-reply'
import { messageOf } from '../../shared/errors'
import { formatMs } from '../../shared/format'
import { loadManifest } from '../../shared/manifest'
import { sha256Hex } from '../../shared/sha256'
import { fetchWasm, pageRunner, wasmUrl } from '../runner/page-runner'
import { requestCompile, wasmOf } from './compile-client'
import { markInEditor } from './editor-marks'
import { compiledInfo, compileErrorOutputs, frontEndVerdict, infoOutput, runOutputs } from './run-output'

/** The prebuilt module whose source is exactly this code (Monaco trims the final newline). */
async function prebuiltFor(code: string): Promise<string | undefined> {
  const hash = await sha256Hex(`${code.trimEnd()}\n`)
  return (await loadManifest()).modules.find(m => m.sourceSha256 === hash)?.name
}

/** What a built site (or a page whose dev server is gone) says to an edited program. */
export const NEEDS_DEV_SERVER = 'Compiling edited code needs the dev server (npm run dev); this page has the prebuilt program only.'

type Run = (wasm: Uint8Array) => Promise<RunResult>

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
  return [...runOutputs(r), infoOutput(`prebuilt ${name}.wasm (npm run build:wasm), run ${formatMs(r.timings.runMs, 1)}`)]
}

export async function runZig(code: string, options: { stdin?: string, args?: string[] } = {}): Promise<CodeRunnerOutputs> {
  const run: Run = wasm => pageRunner().run(wasm, { programName: 'main', stdin: options.stdin, args: options.args })

  // The PDF shows the prebuilt module's run: an export must not depend on a compiler.
  const printing = typeof location !== 'undefined' && new URLSearchParams(location.search).has('print')
  if (!__SLIDEV_HAS_SERVER__ || printing)
    return runPrebuilt(code, run, printing)

  let reply: CompileReply
  try {
    const answer = await requestCompile(code)
    reply = answer.reply
    if ('error' in reply)
      return [{ error: reply.error }]
    if (!answer.ok)
      return [{ error: `compile request failed: ${answer.status}` }]
  }
  catch {
    // The dev server is gone (stopped, or the page outlived it): only prebuilt code runs.
    return runPrebuilt(code, run, false)
  }
  await markInEditor(code, reply.ok ? [] : reply.diagnostics).catch(() => {})
  if (!reply.ok) {
    if (reply.timedOut)
      return [{ error: `The compiler was stopped: ${reply.output}` }]
    return compileErrorOutputs(reply)
  }
  const r = await run(wasmOf(reply))
  return [...runOutputs(r), compiledInfo(reply, r)]
}
