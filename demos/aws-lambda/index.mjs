// An AWS Lambda handler (runtime nodejs24.x, behind a Function URL or an API Gateway
// HTTP API, payload format 2.0) that runs a committed wasm32-wasi module with node:wasi.
// The request body is stdin; see ../http-run.mjs for args, env and files.
// npm run runtimes invokes it locally on Node 24 with such an event: it is not deployed.
// Package it with http-run.mjs and the modules in ./wasm/ (or set WASM_DIR).
/* eslint-disable node/prefer-global/process, node/prefer-global/buffer -- a host: importing node:process reads process.stdout, which turns a piped stdout non-blocking (Zig's output stops at 64 KiB); a command-line entry may await at top level */
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { WASI } from 'node:wasi'
import { parseRun, runHeaders } from '../shared/http-run.mjs'

const wasmDir = process.env.WASM_DIR ?? new URL('./wasm/', import.meta.url).pathname
/** @type {Map<string, WebAssembly.Module>} */
const compiled = new Map() // kept between invocations of a warm Lambda

/**
 * @typedef {{ rawPath: string, rawQueryString?: string, headers?: Record<string, string>, body?: string, isBase64Encoded?: boolean }} HttpEvent
 *   the part of a payload format 2.0 event this handler reads
 */

/**
 * @param {HttpEvent} event the request
 * @returns {Promise<{ statusCode: number, headers?: Record<string, string>, body: string, isBase64Encoded?: boolean }>} the answer
 */
export async function handler(event) {
  const run = parseRun(event.rawPath, event.rawQueryString ?? '', name => event.headers?.[name])
  if ('error' in run)
    return { statusCode: 404, body: run.error }
  // Only /tmp is writable in Lambda: stdin, stdout, stderr and the files go there.
  const dir = mkdtempSync(join(tmpdir(), 'wasi-'))
  try {
    const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8')
    const root = join(dir, 'root')
    mkdirSync(root)
    for (const [name, bytes] of Object.entries(run.files)) {
      mkdirSync(dirname(join(root, name)), { recursive: true })
      writeFileSync(join(root, name), bytes)
    }
    writeFileSync(join(dir, 'stdin'), body)
    const fds = [openSync(join(dir, 'stdin'), 'r'), openSync(join(dir, 'stdout'), 'w'), openSync(join(dir, 'stderr'), 'w')]
    const wasi = new WASI({
      version: 'preview1',
      args: [run.program, ...run.args],
      env: run.env,
      preopens: { '/': root },
      stdin: fds[0],
      stdout: fds[1],
      stderr: fds[2],
      returnOnExit: true,
    })
    let module = compiled.get(run.program)
    if (!module) {
      module = await WebAssembly.compile(readFileSync(join(wasmDir, `${run.program}.wasm`)))
      compiled.set(run.program, module)
    }
    const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport })
    const t0 = performance.now()
    let exitCode, trap
    try {
      exitCode = wasi.start(instance)
    }
    catch (e) {
      trap = e instanceof WebAssembly.RuntimeError ? e.message : String(e)
    }
    const computeMs = performance.now() - t0
    fds.forEach(fd => closeSync(fd))
    const stdout = readFileSync(join(dir, 'stdout'))
    const stderr = readFileSync(join(dir, 'stderr'))
    return {
      statusCode: 200,
      headers: runHeaders({ exitCode, trap, stderr, computeMs }),
      body: stdout.toString('base64'),
      isBase64Encoded: true,
    }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
