// The API of @cloudflare/workers-wasi, built on the browser runner's WASI (the
// shim), so the Worker code on the slide runs unchanged in the page. It behaves
// like workers-wasi 0.0.5: all of stdin is read before _start, stdout and stderr
// are handed over when the program exits, and with returnOnExit a trap
// ("unreachable") resolves to 134.
import type { WASI as ShimWASI } from '@bjorn3/browser_wasi_shim'
import { WASIProcExit } from '@bjorn3/browser_wasi_shim'
import { concatBytes } from '../runner/bytes'
import { DEFAULT_MAX_OUTPUT_BYTES } from '../runner/protocol'
import { createShimWasi } from '../runner/wasi-session'

export interface WASIOptions {
  args?: string[]
  env?: Record<string, string>
  returnOnExit?: boolean
  preopens?: string[]
  stdin?: ReadableStream
  stdout?: WritableStream
  stderr?: WritableStream
  streamStdio?: boolean
}

/** Thrown by start() when the program calls proc_exit and returnOnExit is off. */
export class ProcessExit extends Error {
  constructor(public code: number) {
    super(`WASI ProcessExit: exit code ${code}`)
  }
}

/** Output cap for programs the page's Worker runs (stdout + stderr). */
export const limits = { maxOutputBytes: DEFAULT_MAX_OUTPUT_BYTES }

export class WASI {
  readonly #options: WASIOptions
  readonly #shim: ShimWASI
  readonly #stdin: { data: Uint8Array }
  readonly #stdout: Uint8Array[] = []
  readonly #stderr: Uint8Array[] = []

  constructor(options: WASIOptions = {}) {
    if (options.streamStdio)
      throw new Error('streamStdio needs an asyncify build; the Zig module is a plain wasm32-wasi command')
    if (options.preopens?.length)
      throw new Error('preopens: Workers have no filesystem to open')
    this.#options = options
    const { wasi, stdin } = createShimWasi({
      stdin: new Uint8Array(),
      argv: options.args ?? [],
      env: Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`),
      preopens: [['/', {}]],
      maxOutputBytes: limits.maxOutputBytes,
    }, {
      stdout: bytes => this.#stdout.push(bytes.slice()),
      stderr: bytes => this.#stderr.push(bytes.slice()),
    })
    this.#shim = wasi
    this.#stdin = stdin
  }

  get wasiImport(): Record<string, (...args: never[]) => unknown> {
    return this.#shim.wasiImport as Record<string, (...args: never[]) => unknown>
  }

  async start(instance: WebAssembly.Instance): Promise<number | undefined> {
    const exports = instance.exports as { memory?: WebAssembly.Memory, _start?: () => void }
    if (!(exports.memory instanceof WebAssembly.Memory) || typeof exports._start !== 'function')
      throw new TypeError('start(instance): the instance exports no memory or no _start')
    const shim = this.#shim as unknown as { inst: WebAssembly.Instance }
    shim.inst = instance
    try {
      if (this.#options.stdin)
        this.#stdin.data = await readAll(this.#options.stdin)
      exports._start()
      return undefined
    }
    catch (e) {
      const exit = e instanceof WASIProcExit ? e.code : undefined
      if (!this.#options.returnOnExit)
        throw exit === undefined ? e : new ProcessExit(exit)
      if (exit !== undefined)
        return exit
      if (e instanceof WebAssembly.RuntimeError && e.message === 'unreachable')
        return 134
      throw e
    }
    finally {
      await Promise.all([
        release(this.#options.stdout, this.#stdout),
        release(this.#options.stderr, this.#stderr),
      ])
    }
  }
}

async function readAll(stream: ReadableStream): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done)
      break
    const chunk = value instanceof Uint8Array
      ? value
      : typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value as ArrayBuffer)
    chunks.push(chunk)
  }
  return concatBytes(chunks)
}

/** Writes what the program wrote, then closes the stream, as workers-wasi does at exit. */
async function release(stream: WritableStream | undefined, chunks: Uint8Array[]): Promise<void> {
  if (!stream)
    return
  const writer = stream.getWriter()
  for (const chunk of chunks)
    await writer.write(chunk)
  await writer.close()
}
