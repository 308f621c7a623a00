import { WASI } from "@cloudflare/workers-wasi"
import demoWasm from "./demo.wasm"

export default {
  async fetch(request, _env, ctx) {
    const stdout = new TransformStream()

    const wasi = new WASI({
      args: [],
      // Cloudflare does not expose a filesystem API
      // => no WASI preopens except stdin/stdout
      // See Cloudflare security-model
      stdin: request.body,
      stdout: stdout.writable,
    })

    const instance = new WebAssembly.Instance(
        demoWasm,
        { wasi_snapshot_preview1: wasi.wasiImport }
    )

    // Keep our worker alive until the WASM has
    // finished executing.
    ctx.waitUntil(wasi.start(instance))

    // Finally, let's reply with the WASM's output.
    return new Response(stdout.readable)
  },
}
