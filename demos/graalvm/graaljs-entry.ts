// What GraalJS runs: the page's runner core (runSession, the in-memory WASI session the
// deck's Web Worker runs on @bjorn3/browser_wasi_shim), bundled by esbuild into one script
// that JsHost.java evaluates. GraalJS's WebAssembly API (js.webassembly) compiles the module
// on GraalWasm; Java only hands over bytes and writes what the program writes.
import { runSession } from '../browser/runner/wasi-session'

/** The Java side (JsHost.Io): its ByteBuffers arrive as interop buffers. */
interface JavaIo {
  module: () => unknown
  stdin: () => unknown
  argv: () => string[]
  env: () => string[]
  filePaths: () => string[]
  file: (path: string) => unknown
  write: (fd: number, buffer: ArrayBufferLike, offset: number, length: number) => void
}

/** A Java ByteBuffer as bytes: GraalJS takes a host buffer as an ArrayBuffer's backing store. */
function bytesOf(buffer: unknown): Uint8Array {
  return new Uint8Array(new ArrayBuffer(buffer as number)).slice()
}

/** Runs the module as the page does; the exit code, or the trap's line, and _start's time. */
export function run(io: JavaIo): { exitCode: number | null, trap: string | null, runMs: number } {
  const module = new WebAssembly.Module(bytesOf(io.module()) as Uint8Array<ArrayBuffer>)
  const files: Record<string, Uint8Array> = {}
  for (const path of io.filePaths())
    files[path] = bytesOf(io.file(path))
  const write = (fd: number) => (bytes: Uint8Array) => io.write(fd, bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const result = runSession({
    type: 'start',
    module,
    stdin: bytesOf(io.stdin()),
    argv: [...io.argv()],
    env: [...io.env()],
    preopens: [['/', files]],
    maxOutputBytes: Number.MAX_SAFE_INTEGER, // a process, as node:wasi: no output cap
  }, { stdout: write(1), stderr: write(2) })
  return { exitCode: result.exitCode, trap: result.error ? result.error.message : null, runMs: result.runMs }
}
