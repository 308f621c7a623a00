// The in-page Zig compiler for Live Zig on the built site: fetches zig.wasm and the std
// lib archive once (with progress), compiles the module once, unpacks the archive once,
// and compiles the reader's code through the page's runner (one worker, a watchdog, the
// compiler's memory limit). See zig-wasm-compiler.ts for the call itself.
import type { CompilerManifest, InPageCompilerSession } from './zig-wasm-compiler'
import { formatBytes } from '../../shared/format'
import { pageRunner } from '../runner/page-runner'
import { compileWasi } from '../runner/runner'
import { readTar } from './tar'
import { COMPILER_DIR, COMPILER_LIB, COMPILER_MANIFEST, COMPILER_WASM, createInPageCompiler } from './zig-wasm-compiler'

export interface InPageCompiler {
  compile: InPageCompilerSession
  manifest: CompilerManifest
  /** zig.wasm's size, for the slide. */
  compilerBytes: number
}

const url = (file: string) => `${import.meta.env.BASE_URL}${COMPILER_DIR}/${file}`

/** Reads a response's body, reporting the bytes received so far. */
async function download(file: string, onBytes: (received: number) => void): Promise<Uint8Array> {
  const response = await fetch(url(file))
  if (!response.ok || !response.body)
    throw new Error(`could not load ${url(file)}: ${response.status} ${response.statusText}`.trim())
  const chunks: Uint8Array[] = []
  let received = 0
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done)
      break
    chunks.push(value)
    received += value.length
    onBytes(received)
  }
  const bytes = new Uint8Array(received)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return bytes
}

let loading: Promise<InPageCompiler> | undefined
let loaded = false

/** Whether the compiler is loaded: a compile then fetches and unpacks nothing. */
export function inPageCompilerLoaded(): boolean {
  return loaded
}

/**
 * Loads the compiler once per page; later calls get the same one. A failed load is
 * forgotten, so the next Run tries again. `onProgress` gets one line of text.
 */
export function loadInPageCompiler(onProgress: (text: string) => void): Promise<InPageCompiler> {
  if (!loading) {
    loading = (async () => {
      const response = await fetch(url(COMPILER_MANIFEST))
      if (!response.ok)
        throw new Error(`could not load ${url(COMPILER_MANIFEST)}: ${response.status}`)
      const manifest = await response.json() as CompilerManifest
      const total = manifest.files.reduce((n, f) => n + f.bytes, 0)
      const received = new Map<string, number>()
      const report = (file: string) => (n: number) => {
        received.set(file, n)
        const got = [...received.values()].reduce((a, b) => a + b, 0)
        onProgress(`loading the Zig compiler, ${formatBytes(total)}… ${Math.round(100 * got / total)}%`)
      }
      onProgress(`loading the Zig compiler, ${formatBytes(total)}…`)
      const [wasm, tar] = await Promise.all([download(COMPILER_WASM, report(COMPILER_WASM)), download(COMPILER_LIB, report(COMPILER_LIB))])
      onProgress(`compiling the compiler (${formatBytes(wasm.length)} of wasm) and unpacking its std lib…`)
      const module = await compileWasi(wasm)
      const lib = readTar(tar)
      loaded = true
      return { compile: createInPageCompiler(pageRunner(), { module, lib }), manifest, compilerBytes: wasm.length }
    })()
    loading.catch(() => {
      loading = undefined
    })
  }
  return loading
}
