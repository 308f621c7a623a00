// Deno's host: runs a wasm32-wasi command with Deno's node:wasi.
// deno run --allow-read demos/deno/run-wasi.ts [--dir DIR] [--timing FILE] module.wasm [args...]
import { basename } from 'node:path'
import { WASI } from 'node:wasi'
import { timeStartToExit } from '../shared/host-timing.mjs'

const argv = [...Deno.args]
const preopens: Record<string, string> = {}
while (argv[0]?.startsWith('--')) {
  const [flag, value] = argv.splice(0, 2)
  if (flag === '--dir')
    preopens['/'] = value
  else if (flag === '--timing')
    timeStartToExit(WASI, value)
}
const [wasmPath, ...args] = argv

// #region host
const wasi = new WASI({
  version: 'preview1',
  args: [basename(wasmPath, '.wasm'), ...args],
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
