// The smallest tar (ustar) this project needs: regular files only, written
// deterministically (sorted, mtime 0, owner 0, mode 0644) and read back without a
// dependency. It carries the Zig std lib to the in-page compiler (public/zig-compiler/).
const BLOCK = 512
const encoder = new TextEncoder()
const decoder = new TextDecoder()

function field(header: Uint8Array, offset: number, length: number, text: string): void {
  const bytes = encoder.encode(text)
  if (bytes.length > length)
    throw new Error(`tar: "${text}" does not fit in ${length} bytes`)
  header.set(bytes, offset)
}
const octal = (n: number, length: number) => `${n.toString(8).padStart(length - 1, '0')}\0`

/** Splits a path into ustar's prefix (≤155 bytes) and name (≤100 bytes). */
function splitPath(path: string): { prefix: string, name: string } {
  if (encoder.encode(path).length <= 100)
    return { prefix: '', name: path }
  const cut = path.lastIndexOf('/', 155)
  if (cut <= 0 || encoder.encode(path.slice(cut + 1)).length > 100)
    throw new Error(`tar: path too long: ${path}`)
  return { prefix: path.slice(0, cut), name: path.slice(cut + 1) }
}

/** An uncompressed tar of `files`, in sorted path order, with no timestamps. */
export function writeTar(files: Record<string, Uint8Array>): Uint8Array {
  const paths = Object.keys(files).sort()
  const size = paths.reduce((n, p) => n + BLOCK + Math.ceil(files[p].length / BLOCK) * BLOCK, 2 * BLOCK)
  const out = new Uint8Array(size)
  let at = 0
  for (const path of paths) {
    const data = files[path]
    const header = out.subarray(at, at + BLOCK)
    const { prefix, name } = splitPath(path)
    field(header, 0, 100, name)
    field(header, 100, 8, octal(0o644, 8))
    field(header, 108, 8, octal(0, 8))
    field(header, 116, 8, octal(0, 8))
    field(header, 124, 12, octal(data.length, 12))
    field(header, 136, 12, octal(0, 12))
    field(header, 148, 8, '        ')
    header[156] = 0x30 // '0': regular file
    field(header, 257, 6, 'ustar\0')
    field(header, 263, 2, '00')
    field(header, 345, 155, prefix)
    const sum = header.reduce((n, b) => n + b, 0)
    field(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `)
    out.set(data, at + BLOCK)
    at += BLOCK + Math.ceil(data.length / BLOCK) * BLOCK
  }
  return out
}

function text(bytes: Uint8Array): string {
  const end = bytes.indexOf(0)
  return decoder.decode(end < 0 ? bytes : bytes.subarray(0, end))
}

/** The regular files in a tar, as views into `tar` (no copies). Throws on a damaged archive. */
export function readTar(tar: Uint8Array): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  let at = 0
  while (at + BLOCK <= tar.length) {
    const header = tar.subarray(at, at + BLOCK)
    if (header.every(b => b === 0))
      break
    const stored = Number.parseInt(text(header.subarray(148, 156)).trim(), 8)
    const sum = header.reduce((n, b, i) => n + (i >= 148 && i < 156 ? 0x20 : b), 0)
    if (stored !== sum)
      throw new Error(`tar: bad header checksum at byte ${at}`)
    const size = Number.parseInt(text(header.subarray(124, 136)).trim(), 8)
    const prefix = text(header.subarray(345, 500))
    const name = text(header.subarray(0, 100))
    const type = header[156]
    if (at + BLOCK + size > tar.length)
      throw new Error(`tar: ${name} runs past the end of the archive`)
    if (type === 0x30 || type === 0)
      files[prefix ? `${prefix}/${name}` : name] = tar.subarray(at + BLOCK, at + BLOCK + size)
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK
  }
  return files
}
