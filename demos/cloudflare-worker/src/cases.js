// A variant of the slide's Worker for npm run runtimes: the same @cloudflare/workers-wasi
// calls, but it runs any committed module with args, env and in-memory files from the
// request (see ../../http-run.mjs), so workerd gets every case the other runtimes get.
import { ProcessExit, WASI } from '@cloudflare/workers-wasi'
import { parseRun, runHeaders } from '../../shared/http-run.mjs'
import demo from './wasm/demo.wasm'
import exitCode from './wasm/exit-code.wasm'
import flood from './wasm/flood.wasm'
import mandelbrot from './wasm/mandelbrot.wasm'
import panic from './wasm/panic.wasm'
import readFile from './wasm/read-file.wasm'
import wasiEnv from './wasm/wasi-env.wasm'

const modules = { demo, 'wasi-env': wasiEnv, 'read-file': readFile, 'exit-code': exitCode, mandelbrot, flood, panic }
const decoder = new TextDecoder()

export default {
  async fetch(request) {
    const url = new URL(request.url)
    const run = parseRun(url.pathname, url.search, name => request.headers.get(name))
    if (request.method !== 'POST' || run.error)
      return new Response(run.error ?? 'POST only', { status: 404 })
    const stdout = new TransformStream()
    const stderr = new TransformStream()
    const wasi = new WASI({
      args: [run.program, ...run.args],
      env: run.env,
      // workers-wasi's in-memory file system: paths under the preopen "/"
      preopens: ['/'],
      fs: Object.fromEntries(Object.entries(run.files).map(([name, bytes]) => [`/${name}`, decoder.decode(bytes)])),
      stdin: request.body ?? new Blob([]).stream(),
      stdout: stdout.writable,
      stderr: stderr.writable,
    })
    const instance = new WebAssembly.Instance(modules[run.program], { wasi_snapshot_preview1: wasi.wasiImport })
    // Without returnOnExit, proc_exit throws ProcessExit and a trap throws a RuntimeError:
    // this tells a panic from an exit code (with returnOnExit both end as a code, 134 for a trap).
    const t0 = performance.now()
    const ended = wasi.start(instance).then(() => ({ exitCode: 0 }), e => e instanceof ProcessExit
      ? { exitCode: e.code }
      : { trap: e instanceof Error ? e.message : String(e) })
    const [end, out, err] = await Promise.all([ended.then(r => ({ ...r, computeMs: performance.now() - t0 })), new Response(stdout.readable).arrayBuffer(), new Response(stderr.readable).arrayBuffer()])
    return new Response(out, { headers: runHeaders({ ...end, stderr: new Uint8Array(err) }) })
  },
}
