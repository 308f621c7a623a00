// WASI 0.2 components from our preview 1 modules, for npm run build:wasm (after the modules):
// jco's built-in preview 1 command adapter wraps <name>.wasm into <name>.component.wasm
// (`jco new --wasi-command`, through jco's API), and `jco transpile` turns each component
// into JS + core modules for @bytecodealliance/preview2-shim (public/wasm/components/<name>/).
// Both are committed, like the modules; the rebuild test checks them byte for byte.
import { readFileSync } from 'node:fs'
import { componentNew, componentWit, preview1AdapterCommandPath, transpile } from '@bytecodealliance/jco'

/** The programs the slides and tests run as components too. */
export const COMPONENT_PROGRAMS = ['demo', 'greet', 'mandelbrot', 'exit-code', 'read-file', 'panic', 'forever']

/** jco's version, from its package (the adapter is the one it ships). */
export function jcoVersion() {
  // Its exports map hides package.json; the adapter sits in its lib/.
  return JSON.parse(readFileSync(new URL('../package.json', preview1AdapterCommandPath()), 'utf8')).version
}

/**
 * The WIT world's imports and exports, as `jco wit` prints them ("import wasi:cli/stdin@0.2.12;").
 * @param {string} wit
 */
export function witInterfaces(wit) {
  const of = (/** @type {'import' | 'export'} */ kind) => [...wit.matchAll(new RegExp(`^\\s*${kind} ([\\w:/.@-]+);`, 'gm'))].map(m => m[1]).sort()
  return { imports: of('import'), exports: of('export') }
}

/**
 * V8's explicit compile hint (Chrome 136+; other engines read a comment): compile every
 * function of the file when it loads, on a background thread while it streams in, instead of
 * each on its first call. jco's JS is one 340 KB `instantiate` whose functions all run in the
 * first run; compiled lazily they cost that run tens of ms. The component runner imports the
 * JS ahead (its `preload`), so the compile happens before the run. It must be the file's first line.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'

/** @param {Uint8Array} js */
function withCompileHint(js) {
  const hint = new TextEncoder().encode(COMPILE_HINT)
  const out = new Uint8Array(hint.length + js.length)
  out.set(hint)
  out.set(js, hint.length)
  return out
}

/**
 * Adapts one preview 1 command module into a component and transpiles it.
 * @param {string} name
 * @param {Uint8Array} moduleBytes
 * @returns {Promise<{ component: Uint8Array, wit: string, transpiled: Record<string, Uint8Array> }>} the component, its WIT, the transpiled files (JS and core wasm) by file name
 */
export async function adaptCommand(name, moduleBytes) {
  const adapter = readFileSync(preview1AdapterCommandPath())
  const component = await componentNew(moduleBytes, [['wasi_snapshot_preview1', adapter]])
  const wit = await componentWit(component)
  // "async" instantiation: the JS imports nothing; the host passes the WASI 0.2 imports
  // (preview2-shim's Node or browser build) and the compiled core modules.
  const out = await transpile(component, { name, instantiation: 'async', noTypescript: true, minify: true, quiet: true })
  const transpiled = Object.fromEntries(Object.entries(out.files)
    .filter(([file]) => !file.endsWith('.d.ts'))
    .map(([file, bytes]) => [file, file.endsWith('.js') ? withCompileHint(bytes) : new Uint8Array(bytes)]))
  return { component: new Uint8Array(component), wit, transpiled }
}
