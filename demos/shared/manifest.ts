import { fetchOnce } from './fetch-once'

// public/wasm/manifest.json (written by npm run build:wasm): what the slides say
// about the modules (sizes, hashes, WASI imports) comes from here.

export interface ModuleInfo {
  name: string
  /** "command": runs `_start` once; "reactor": no `_start`, its exported functions are called. */
  kind: 'command' | 'reactor'
  file: string
  bytes: number
  /** gzip -9 size: what a server sends. */
  gzipBytes: number
  sha256: string
  source: string
  sourceSha256: string
  imports: string[]
  exports: string[]
  /** The stack the linker laid out below the data, in bytes (tooling/lib/wasm-facts.mjs); a deeper program traps. */
  stackBytes?: number
  /** A program of the WASI conformance suite (zig/src/conformance-*.c), not a demo. */
  conformance?: true
}

/** A file jco transpile made from a component (JS or a core module). */
export interface TranspiledFile {
  file: string
  bytes: number
  gzipBytes: number
  sha256: string
}

/** A WASI 0.2 component adapted from a command module by jco's preview 1 adapter (npm run build:wasm). */
export interface ComponentInfo {
  name: string
  /** The preview 1 module it wraps ("wasm/demo.wasm"). */
  module: string
  /** The component's binary (public/wasm/<name>.component.wasm); not in the built site, whose page runs the transpiled form. */
  file?: string
  bytes: number
  gzipBytes: number
  sha256: string
  /** The component's bytes over the module's: the adapter and the component's wiring. */
  adapterBytes: number
  /** WIT interfaces ("wasi:cli/stdin@0.2.12"). */
  imports: string[]
  exports: string[]
  /** jco transpile's output: `<name>.js` and `<name>.core*.wasm`. */
  transpiled: TranspiledFile[]
}

export interface WasmManifest {
  /** What `zig version` printed for the compiler that built the modules. */
  zig: string
  target: string
  optimize: string
  modules: ModuleInfo[]
  /** jco's version and the adapter it used. */
  jco: string
  adapter: string
  components: ComponentInfo[]
}

/**
 * Where the deck serves its committed modules (public/wasm/): the one spelling on the page's side.
 * A function, not a constant, read when called; the harness page's bundle (esbuild) defines BASE_URL as ./.
 */
const wasmBase = () => `${import.meta.env.BASE_URL}wasm/`

/** The URL of a committed module in the deck (public/wasm/<program>.wasm). */
export function wasmUrl(program: string): string {
  return `${wasmBase()}${program}.wasm`
}

export function loadManifest(): Promise<WasmManifest> {
  return fetchOnce(`${wasmBase()}manifest.json`, r => r.json() as Promise<WasmManifest>)
}

/** The WASI function names a module imports, without the module prefix. */
export function wasiFunctions(m: ModuleInfo): string[] {
  return m.imports.map(i => i.replace(/^wasi_snapshot_preview1\./, ''))
}

/** The transpiled JS of a component, and its core modules. */
export function transpiledParts(c: ComponentInfo): { js: TranspiledFile, cores: TranspiledFile[] } {
  const js = c.transpiled.find(t => t.file.endsWith('.js'))
  if (!js)
    throw new Error(`${c.name}: the manifest lists no transpiled JS`)
  return { js, cores: c.transpiled.filter(t => t.file.endsWith('.wasm')) }
}
