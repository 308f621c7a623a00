// A Deno.serve entry point, the shape Deno Deploy runs: POST a committed module's
// stdin to /run/<program> (see ../shared/http-run.mjs) and get its stdout back. Workers-style
// platforms give no file descriptors to pipe a request into, so the module runs on
// the deck's own in-memory WASI session (@bjorn3/browser_wasi_shim), as in the browser.
// npm run runtimes serves it locally with deno and POSTs to it: it is not deployed.
//   deno run --allow-net --allow-read demos/deno-deploy/main.ts [PORT]
import { wasmPath } from '../../tooling/lib/paths.mjs'
import { concatBytes } from '../browser/runner/bytes.ts'
import { runSession } from '../browser/runner/wasi-session.ts'
import { parseRun, runHeaders } from '../shared/http-run.mjs'

const modules = new Map<string, WebAssembly.Module>()

Deno.serve({ hostname: '127.0.0.1', port: Number(Deno.args[0] ?? 8000) }, async (request) => {
  const url = new URL(request.url)
  const run = parseRun(url.pathname, url.search, name => request.headers.get(name))
  if (request.method !== 'POST' || 'error' in run)
    return new Response('error' in run ? run.error : 'POST only', { status: 404 })
  let module = modules.get(run.program)
  if (!module) {
    module = await WebAssembly.compile(await Deno.readFile(wasmPath(run.program)))
    modules.set(run.program, module)
  }
  const out: Uint8Array[] = []
  const err: Uint8Array[] = []
  const result = runSession({
    type: 'start',
    module,
    stdin: new Uint8Array(await request.arrayBuffer()),
    argv: [run.program, ...run.args],
    env: Object.entries(run.env).map(([k, v]) => `${k}=${v}`),
    preopens: [['/', run.files]],
    maxOutputBytes: 64 << 20,
  }, { stdout: b => out.push(b.slice()), stderr: b => err.push(b.slice()) })
  const headers = runHeaders({
    exitCode: result.exitCode,
    trap: result.error?.message,
    stderr: concatBytes(err),
    computeMs: result.runMs,
  })
  return new Response(concatBytes(out), { headers })
})
