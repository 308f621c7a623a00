// Runs a committed module through Node's host (demos/node/run-wasi.mjs, node:wasi)
// in a child process: the reference every other host is compared with.
import type { HostInput, HostRun } from '../../scripts/lib/process-hosts'
import { runHost } from '../../scripts/lib/process-hosts'

export { root, wasmPath } from '../../scripts/lib/process-hosts'
export type { HostInput, HostRun }

export function runNodeWasi(name: string, input: HostInput = {}): Promise<HostRun> {
  return runHost('node', name, input)
}
