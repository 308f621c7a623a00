import { fetchOnce } from './fetch-once'

// public/wasm/manifest.json (written by npm run build:wasm): what the slides say
// about the modules (sizes, hashes, WASI imports) comes from here.

export interface ModuleInfo {
  name: string
  /** "command": runs `_start` once; "reactor": no `_start`, its exported functions are called. */
  kind: 'command' | 'reactor'
  file: string
  bytes: number
  sha256: string
  source: string
  sourceSha256: string
  imports: string[]
  exports: string[]
  /** A program of the WASI conformance suite (zig/src/conformance-*.c), not a demo. */
  conformance?: true
}

export interface WasmManifest {
  zig: string
  target: string
  optimize: string
  modules: ModuleInfo[]
}

export function loadManifest(): Promise<WasmManifest> {
  return fetchOnce(`${import.meta.env.BASE_URL}wasm/manifest.json`, r => r.json() as Promise<WasmManifest>)
}

/** The WASI function names a module imports, without the module prefix. */
export function wasiFunctions(m: ModuleInfo): string[] {
  return m.imports.map(i => i.replace(/^wasi_snapshot_preview1\./, ''))
}
