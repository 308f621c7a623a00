// Deno's host: runs a wasm32-wasi command with Deno's node:wasi.
// deno run --allow-read demos/deno/run-wasi.ts [--dir DIR] module.wasm [args...]
import { WASI } from "node:wasi"
import { basename } from "node:path"

const argv = [...Deno.args]
const preopens: Record<string, string> = {}
if (argv[0] === "--dir") preopens["/"] = argv.splice(0, 2)[1]
const [wasmPath, ...args] = argv

// #region host
const wasi = new WASI({
  version: "preview1",
  args: [basename(wasmPath, ".wasm"), ...args],
  env: {},
  preopens,
  returnOnExit: true,
})
const module = await WebAssembly.compile(await Deno.readFile(wasmPath))
const instance = await WebAssembly.instantiate(module, {
  wasi_snapshot_preview1: wasi.wasiImport,
})
Deno.exitCode = wasi.start(instance)
// #endregion host
