// Runs a committed module through Node's host (demos/node/run-wasi.mjs, node:wasi)
// in a child process: the reference every other host is compared with.
export { manifestPath, WASM_URL_DIR, wasmDir } from '../../tooling/lib/paths.mjs'
export { root, runNodeWasi, wasmPath } from '../../tooling/lib/process-hosts'
export type { HostInput, HostRun } from '../../tooling/lib/process-hosts'
