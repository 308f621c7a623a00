// Node's host: runs a wasm32-wasi command with node:wasi.
// node demos/node/run-wasi.mjs [--dir DIR] [--preopen NAME=DIR]... [--env K=V]... [--timing FILE] module.wasm [args...]
// (the flags: ../shared/host-args.mjs)
// The global process, not an import of node:process: importing it reads process.stdout,
// which makes a piped stdout non-blocking (Zig's output then stops at about 64 KiB).
/* eslint-disable node/prefer-global/process */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { WASI } from 'node:wasi'
import { hostArgs } from '../shared/host-args.mjs'
import { timeStartToExit } from '../shared/host-timing.mjs'

const { env, preopens, timing, wasmPath, args } = hostArgs(process.argv.slice(2))
timeStartToExit(WASI, timing)

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
