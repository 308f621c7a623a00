// Deno's host: runs a wasm32-wasi command with Deno's node:wasi.
// deno run --allow-read demos/deno/run-wasi.ts [--dir DIR] [--preopen NAME=DIR]... [--env K=V]... [--timing FILE] module.wasm [args...]
import { basename } from 'node:path'
import { WASI } from 'node:wasi'
import { hostArgs } from '../shared/host-args.mjs'
import { timeStartToExit } from '../shared/host-timing.mjs'

const { env, preopens, timing, wasmPath, args } = hostArgs(Deno.args)
timeStartToExit(WASI, timing)

// #region host
const wasi = new WASI({
  version: 'preview1',
  args: [basename(wasmPath, '.wasm'), ...args],
  env,
  preopens,
  returnOnExit: true,
})
const module = await WebAssembly.compile(await Deno.readFile(wasmPath))
const instance = await WebAssembly.instantiate(module, {
  wasi_snapshot_preview1: wasi.wasiImport,
})
Deno.exitCode = wasi.start(instance)
// #endregion host
