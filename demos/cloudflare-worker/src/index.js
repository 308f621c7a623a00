import { WASI } from '@cloudflare/workers-wasi'
import demoWasm from './demo.wasm'

export default {
  async fetch(request, _env, ctx) {
    const stdout = new TransformStream()
    const stderr = new TransformStream()

    const wasi = new WASI({
      args: ['demo'],
      // No preopens: stdin/stdout/stderr are fds 0-2,
      // not preopens; workers-wasi could preopen only
      // its own memfs, not the Worker's node:fs
      stdin: request.body,
      stdout: stdout.writable,
      stderr: stderr.writable,
      returnOnExit: true,
    })

    const instance = new WebAssembly.Instance(demoWasm, {
      wasi_snapshot_preview1: wasi.wasiImport,
    })

    // Keep our worker alive until the WASM has
    // finished executing.
    const exit = wasi.start(instance)
    ctx.waitUntil(exit)

    // Finally, let's reply with the WASM's output,
    // or with its error and exit code.
    const [code, out, err] = await Promise.all([
      exit,
      new Response(stdout.readable).arrayBuffer(),
      new Response(stderr.readable).text(),
    ])
    const headers = { 'x-exit-code': String(code) }
    return code === 0
      ? new Response(out, { headers })
      : new Response(err, { status: 400, headers })
  },
}
