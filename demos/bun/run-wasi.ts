// Bun's host: runs a wasm32-wasi command with Bun's node:wasi.
// bun demos/bun/run-wasi.ts [--dir DIR] [--preopen NAME=DIR]... [--env K=V]... [--timing FILE] module.wasm [args...]
import { basename } from 'node:path'
import { WASI } from 'node:wasi'
import { hostArgs } from '../shared/host-args.mjs'
import { timeStartToExit } from '../shared/host-timing.mjs'

const { env, preopens, timing, wasmPath, args } = hostArgs(Bun.argv.slice(2))
timeStartToExit(WASI, timing)

// #region host
const wasi = new WASI({
  version: 'preview1',
  args: [basename(wasmPath, '.wasm'), ...args],
  env,
  preopens,
})
const bytes = await Bun.file(wasmPath).arrayBuffer()
const { instance } = await WebAssembly.instantiate(bytes, {
  wasi_snapshot_preview1: wasi.wasiImport,
})
// proc_exit ends the Bun process with the program's exit code.
wasi.start(instance)
// #endregion host
