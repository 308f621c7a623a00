// public/wasm/manifest.json (written by npm run build:wasm): what the slides say
// about the modules (sizes, hashes, WASI imports) comes from here.

export interface ModuleInfo {
  name: string
  file: string
  bytes: number
  sha256: string
  source: string
  sourceSha256: string
  imports: string[]
  exports: string[]
}

export interface WasmManifest {
  zig: string
  target: string
  optimize: string
  modules: ModuleInfo[]
}

let manifest: Promise<WasmManifest> | undefined
export function loadManifest(): Promise<WasmManifest> {
  manifest ??= fetch(`${import.meta.env.BASE_URL}wasm/manifest.json`).then((r) => {
    if (!r.ok)
      throw new Error(`manifest.json: ${r.status} ${r.statusText}`.trim())
    return r.json() as Promise<WasmManifest>
  })
  manifest.catch(() => { manifest = undefined })
  return manifest
}

/** "9.1 KB" (1 KB = 1000 bytes, as size limits are usually given). */
export function kb(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} KB`
}

/** The WASI function names a module imports, without the module prefix. */
export function wasiFunctions(m: ModuleInfo): string[] {
  return m.imports.map(i => i.replace(/^wasi_snapshot_preview1\./, ''))
}
