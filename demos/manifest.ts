import { onMounted, shallowRef } from 'vue'
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

/** "8.9 KiB", "1.5 MiB": binary units, the deck's one unit system for sizes. */
export function kb(bytes: number): string {
  if (bytes < 1024)
    return `${bytes} B`
  if (bytes < 1024 * 1024)
    return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

/** The WASI function names a module imports, without the module prefix. */
export function wasiFunctions(m: ModuleInfo): string[] {
  return m.imports.map(i => i.replace(/^wasi_snapshot_preview1\./, ''))
}

/** The manifest for a component: loaded on mount, or the reason it could not be. */
export function useManifest() {
  const manifest = shallowRef<WasmManifest>()
  const error = shallowRef<string>()
  onMounted(async () => {
    try {
      manifest.value = await loadManifest()
    }
    catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  })
  return { manifest, error }
}
