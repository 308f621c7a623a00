// Where things are in this repository, for every Node script, benchmark and test.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's root directory, with a trailing separator. */
export const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Where the built site holds the modules, relative to its base (the manifest's `file` paths
 * start with it; the page's own spelling is demos/shared/manifest.ts).
 */
export const WASM_URL_DIR = 'wasm'
/** The committed modules (npm run build:wasm writes them), served from public/ as WASM_URL_DIR. */
export const wasmDir = join(root, 'public', WASM_URL_DIR)
/** Where a program's transpiled component goes, under the wasm directory. */
export const transpiledDir = (/** @type {string} */ name) => `components/${name}`
/** The committed modules' manifest (written by npm run build:wasm). */
export const manifestPath = join(wasmDir, 'manifest.json')

/**
 * A committed module by its program name: wasmPath('demo') is public/wasm/demo.wasm.
 * @param {string} name
 */
export const wasmPath = name => join(wasmDir, `${name}.wasm`)
