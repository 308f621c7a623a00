// What the manifest and the 0.11-vs-0.17 bench record about one built module.
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'

/** @param {Uint8Array} bytes */
export const sha256 = bytes => createHash('sha256').update(bytes).digest('hex')

/** gzip -9 size: what a server sends for the module. @param {Uint8Array} bytes */
export const gzipSize = bytes => gzipSync(bytes, { level: 9 }).length

/**
 * The stack a module's linker laid out, in bytes, read from the binary: wasm-ld puts the stack
 * first in linear memory, growing down from the initial value of `__stack_pointer` (the first
 * global the module defines, a mutable i32) to address 0, with the data segments above it. A
 * program that goes deeper stores below address 0, which traps. Undefined for a module laid out
 * otherwise (no such global, or data below the stack's top).
 * @param {Uint8Array<ArrayBuffer>} bytes a .wasm module
 * @returns {number | undefined} the stack's size in bytes
 */
export function stackBytes(bytes) {
  let at = 8
  const u32 = () => {
    let value = 0
    let shift = 0
    let byte
    do {
      byte = bytes[at++]
      value += (byte & 0x7F) * 2 ** shift
      shift += 7
    } while (byte & 0x80)
    return value
  }
  /** An i32.const initializer (0x41 value 0x0b); undefined for any other expression. */
  const i32Const = () => {
    if (bytes[at] !== 0x41)
      return undefined
    at++
    let value = 0
    let shift = 0
    let byte
    do {
      byte = bytes[at++]
      value |= (byte & 0x7F) << shift
      shift += 7
    } while (byte & 0x80)
    if (shift < 32 && (byte & 0x40))
      value |= -1 << shift
    return bytes[at++] === 0x0B ? value : undefined
  }
  let top
  let lowestData = Infinity
  while (at < bytes.length) {
    const id = bytes[at++]
    const size = u32()
    const end = at + size
    if (id === 6 && u32() > 0 && bytes[at] === 0x7F && bytes[at + 1] === 1) { // globals: the first is i32, mutable
      at += 2
      top = i32Const()
    }
    else if (id === 11) { // data: active segments in memory 0
      const count = u32()
      for (let i = 0; i < count; i++) {
        const flags = u32()
        if (flags === 1) { // passive: no address
          const length = u32()
          at += length
          continue
        }
        if (flags === 2)
          u32()
        const offset = i32Const()
        if (offset === undefined)
          return undefined
        lowestData = Math.min(lowestData, offset)
        const length = u32() // read before `at +=` reads `at`
        at += length
      }
    }
    at = end
  }
  return top !== undefined && top > 0 && top <= lowestData ? top : undefined
}

/**
 * @param {Uint8Array<ArrayBuffer>} bytes a .wasm module
 * @returns {{ kind: 'command' | 'reactor', bytes: number, gzipBytes: number, sha256: string, imports: string[], exports: string[], stackBytes?: number }} its size, hash, interface and stack
 */
export function wasmFacts(bytes) {
  const module = new WebAssembly.Module(bytes)
  const exports = WebAssembly.Module.exports(module).map(e => e.name)
  const stack = stackBytes(bytes)
  return {
    // A command runs `_start` once; a reactor exports functions to call again and again.
    kind: exports.includes('_start') ? 'command' : 'reactor',
    bytes: bytes.length,
    gzipBytes: gzipSize(bytes),
    sha256: sha256(bytes),
    imports: WebAssembly.Module.imports(module).map(i => `${i.module}.${i.name}`),
    exports,
    ...(stack === undefined ? {} : { stackBytes: stack }),
  }
}
