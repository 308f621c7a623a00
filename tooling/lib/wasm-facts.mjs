// What the manifest and the 0.11-vs-0.17 bench record about one built module.
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'

/** @param {Uint8Array} bytes */
export const sha256 = bytes => createHash('sha256').update(bytes).digest('hex')

/** gzip -9 size: what a server sends for the module. @param {Uint8Array} bytes */
export const gzipSize = bytes => gzipSync(bytes, { level: 9 }).length

/**
 * @param {Uint8Array} bytes a .wasm module
 * @returns {{ kind: 'command' | 'reactor', bytes: number, gzipBytes: number, sha256: string, imports: string[], exports: string[] }} its size, hash and interface
 */
export function wasmFacts(bytes) {
  const module = new WebAssembly.Module(bytes)
  const exports = WebAssembly.Module.exports(module).map(e => e.name)
  return {
    // A command runs `_start` once; a reactor exports functions to call again and again.
    kind: exports.includes('_start') ? 'command' : 'reactor',
    bytes: bytes.length,
    gzipBytes: gzipSize(bytes),
    sha256: sha256(bytes),
    imports: WebAssembly.Module.imports(module).map(i => `${i.module}.${i.name}`),
    exports,
  }
}
