// Runs a committed module in a runtime's own process through its host in demos/
// (node:wasi in Node, Deno and Bun). Every process is killed at its deadline:
// a spinning wasm ignores everything else (Bun's and Deno's workers included).
import { spawn } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

import { root, wasmPath } from './paths.mjs'
import { Buffer } from 'node:buffer'
import process from 'node:process'

export { root, wasmPath }

export type ProcessRuntime = 'node' | 'deno' | 'bun'

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
    deno: [join(root, 'node_modules/@deno/linux-x64-glibc/deno')],
    // bun's postinstall moves its binary over a placeholder; without it the binary stays in the platform package.
    bun: [join(root, 'node_modules/bun/bin/bun.exe'), join(root, 'node_modules/@oven/bun-linux-x64/bin/bun')],
  }[runtime]
  return candidates.find(path => existsSync(path) && statSync(path).size > 1_000_000)
}

function command(runtime: ProcessRuntime, bin: string, dir: string): string[] {
  switch (runtime) {
    case 'node': return [bin, '--no-warnings', join(root, 'demos/node/run-wasi.mjs')]
    case 'deno': return [bin, 'run', '--quiet', '--no-prompt', `--allow-read=${root},${dir}`, `--allow-write=${dir}`, join(root, 'demos/deno/run-wasi.ts')]
    case 'bun': return [bin, join(root, 'demos/bun/run-wasi.ts')]
  }
}

export async function runHost(runtime: ProcessRuntime, program: string, input: HostInput = {}, timeoutMs = 20_000): Promise<HostRun> {
  const bin = runtimeBinary(runtime)
  if (!bin)
    throw new Error(`${runtime} is not installed (npm install brings it)`)
  const dir = mkdtempSync(join(tmpdir(), `${runtime}-wasi-`))
  try {
    if (input.preopens && runtime !== 'node')
      throw new Error(`named preopens: only Node's host takes them, not ${runtime}'s`)
    const named = Object.entries(input.preopens ?? {}).map(([name, files], i) => ({ name, dir: join(dir, `preopen-${i}`), files }))
    writeTree(dir, input.files ?? {})
    for (const p of named) {
      mkdirSync(p.dir)
      writeTree(p.dir, p.files)
    }
    const envFlags = runtime === 'node' ? Object.entries(input.env ?? {}).flatMap(([k, v]) => ['--env', `${k}=${v}`]) : []
    const dirFlags = input.preopens ? named.flatMap(p => ['--preopen', `${p.name}=${p.dir}`]) : ['--dir', dir]
    const [exe, ...args] = command(runtime, bin, dir)
    const t0 = performance.now()
    const child = spawn(exe, [...args, ...envFlags, ...dirFlags, wasmPath(program), ...(input.args ?? [])], {
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', DO_NOT_TRACK: '1', NO_COLOR: '1' },
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => stdout.push(c))
    child.stderr.on('data', (c: Buffer) => stderr.push(c))
    child.stdin.on('error', () => {}) // the program may exit before reading everything
    child.stdin.end(input.stdin ?? '')
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    const exitCode = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
    clearTimeout(timer)
    const wallMs = performance.now() - t0
    const preopens = input.preopens ? Object.fromEntries(named.map(p => [p.name, readTree(p.dir)])) : undefined
    return { exitCode, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr), wallMs, timedOut, ...(preopens ? { preopens } : {}) }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function runtimeVersion(runtime: ProcessRuntime): Promise<string | undefined> {
  const bin = runtimeBinary(runtime)
  if (!bin)
    return undefined
  const out = await new Promise<string>((resolve) => {
    const child = spawn(bin, ['--version'], { env: { ...process.env, DENO_NO_UPDATE_CHECK: '1' } })
    let text = ''
    child.stdout.on('data', (c) => {
      text += c
    })
    child.on('close', () => resolve(text))
    child.on('error', () => resolve(''))
  })
  return /\d+\.\d+\.\d+/.exec(out)?.[0]
}

/** A run through Node's host (demos/node/run-wasi.mjs, node:wasi): the reference every other host is compared with. */
export function runNodeWasi(name: string, input: HostInput = {}): Promise<HostRun> {
  return runHost('node', name, input)
}
