// Node's host: runs a wasm32-wasi command with node:wasi.
// node demos/node/run-wasi.mjs [--dir DIR] [--preopen NAME=DIR]... [--env K=V]... [--timing FILE] module.wasm [args...]
// --dir DIR preopens DIR as "/"; --preopen preopens DIR under NAME (in the order given, from fd 3).
// The global process, not an import of node:process: importing it reads process.stdout,
// which makes a piped stdout non-blocking (Zig's output then stops at about 64 KiB).
/* eslint-disable node/prefer-global/process */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { WASI } from 'node:wasi'
import { timeStartToExit } from '../shared/host-timing.mjs'

const argv = process.argv.slice(2)
const env = {}
const preopens = {}
while (argv[0]?.startsWith('--')) {
  const [flag, value] = argv.splice(0, 2)
  if (flag === '--env')
    env[value.slice(0, value.indexOf('='))] = value.slice(value.indexOf('=') + 1)
  else if (flag === '--dir')
    preopens['/'] = value
  else if (flag === '--preopen')
    preopens[value.slice(0, value.indexOf('='))] = value.slice(value.indexOf('=') + 1)
  else if (flag === '--timing')
    timeStartToExit(WASI, value)
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
