// Runs a committed module through Node's host (demos/node/run-wasi.mjs, node:wasi)
// in a child process: the reference every other host is compared with.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const wasmPath = (name: string) => join(root, 'public/wasm', `${name}.wasm`)

export interface HostRun {
  exitCode: number | null
  stdout: Buffer
  stderr: Buffer
}

export interface HostInput {
  stdin?: string | Uint8Array
  args?: string[]
  env?: Record<string, string>
  files?: Record<string, string | Uint8Array>
}

export async function runNodeWasi(name: string, input: HostInput = {}): Promise<HostRun> {
  const dir = mkdtempSync(join(tmpdir(), 'node-wasi-'))
  try {
    for (const [path, data] of Object.entries(input.files ?? {})) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), data)
    }
    const flags = [
      '--dir', dir,
      ...Object.entries(input.env ?? {}).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
    ]
    const child = spawn(process.execPath, ['--no-warnings', join(root, 'demos/node/run-wasi.mjs'), ...flags, wasmPath(name), ...(input.args ?? [])])
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => stdout.push(c))
    child.stderr.on('data', (c: Buffer) => stderr.push(c))
    child.stdin.on('error', () => {}) // the program may exit before reading everything
    child.stdin.end(input.stdin ?? '')
    const exitCode = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
    return { exitCode, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
