// Bun's host: runs a wasm32-wasi command with Bun's node:wasi.
// bun demos/bun/run-wasi.ts [--dir DIR] [--timing FILE] module.wasm [args...]
import { basename } from 'node:path'
import { WASI } from 'node:wasi'
import { timeStartToExit } from '../shared/host-timing.mjs'

const argv = Bun.argv.slice(2)
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
})
const bytes = await Bun.file(wasmPath).arrayBuffer()
const { instance } = await WebAssembly.instantiate(bytes, {
  wasi_snapshot_preview1: wasi.wasiImport,
})
// proc_exit ends the Bun process with the program's exit code.
wasi.start(instance)
// #endregion host
