// Node's host: runs a wasm32-wasi command with node:wasi.
// node demos/node/run-wasi.mjs [--dir DIR] [--env K=V]... [--timing FILE] module.wasm [args...]
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { WASI } from 'node:wasi'
import { timeStartToExit } from '../host-timing.mjs'

const argv = process.argv.slice(2)
const env = {}
const preopens = {}
while (argv[0]?.startsWith('--')) {
  const [flag, value] = argv.splice(0, 2)
  if (flag === '--env') env[value.slice(0, value.indexOf('='))] = value.slice(value.indexOf('=') + 1)
  else if (flag === '--dir') preopens['/'] = value
  else if (flag === '--timing') timeStartToExit(WASI, value)
}
const [wasmPath, ...args] = argv

// #region host
const wasi = new WASI({
  version: 'preview1',
  args: [basename(wasmPath, '.wasm'), ...args],
  env,
  preopens,
  // Raw fds: using process.stdout first would
  // make a pipe non-blocking (Zig fails at 64 KiB).
  stdin: 0,
  stdout: 1,
  stderr: 2,
  returnOnExit: true,
})
const module = await WebAssembly.compile(readFileSync(wasmPath))
const instance = await WebAssembly.instantiate(module, {
  wasi_snapshot_preview1: wasi.wasiImport,
})
process.exitCode = wasi.start(instance)
// #endregion host
