// Runs a committed module through Node's host (demos/node/run-wasi.mjs, node:wasi)
// in a child process: the reference every other host is compared with.
export { root, runNodeWasi, wasmPath } from '../../scripts/lib/process-hosts'
export type { HostInput, HostRun } from '../../scripts/lib/process-hosts'
