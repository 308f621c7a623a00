// Which files of a built deck are Monaco, the runner or a wasm module, told from the
// files themselves (chunk names carry hashes and move between builds).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { WASM_URL_DIR } from './paths.mjs'

export type HeavyKind = 'monaco' | 'runner' | 'wasm'

export interface SiteFile {
  /** Path under the site's root, with "/" separators: "assets/index-abc.js". */
  path: string
  bytes: number
  kind?: HeavyKind
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(p => statSync(join(dir, p)).isFile())
    .map(p => p.split('\\').join('/'))
}

/**
 * monaco: Slidev's `assets/monaco/` chunks, Monaco's language workers (`*.worker-*.js`)
 * and any script or style that carries the `monaco-editor` class or package name.
 * runner: the worker scripts (they hold the WASI shims) and every chunk that starts one.
 * wasm: `.wasm` files, and the components' transpiled JS (`wasm/components/`).
 */
export function kindOf(path: string, read: () => string): HeavyKind | undefined {
  if (path.endsWith('.wasm') || path.startsWith(`${WASM_URL_DIR}/components/`))
    return 'wasm'
  if (!/\.(?:js|css)$/.test(path))
    return undefined
  const name = path.split('/').pop()!
  if (path.includes('assets/monaco/') || /\.worker-[\w-]+\.js$/.test(name))
    return 'monaco'
  if (name.startsWith('web-worker-') || name.startsWith('component-worker-'))
    return 'runner'
  const text = read()
  if (text.includes('monaco-editor'))
    return 'monaco'
  if (/(?:web|component)-worker-[\w-]+\.js/.test(text))
    return 'runner'
  return undefined
}

/** Every file of the site with its size and, for the heavy ones, its kind. */
export function siteFiles(dir: string): Map<string, SiteFile> {
  const files = new Map<string, SiteFile>()
  for (const path of listFiles(dir)) {
    const full = join(dir, path)
    files.set(path, { path, bytes: statSync(full).size, kind: kindOf(path, () => readFileSync(full, 'utf8')) })
  }
  return files
}

/** The site's file a URL asks for ("http://h/talk/assets/x.js" → assets/x.js), if any. */
export function fileAt(files: Map<string, SiteFile>, url: string, siteUrl: string): SiteFile | undefined {
  if (!url.startsWith(siteUrl))
    return undefined
  return files.get(relative('/', `/${decodeURIComponent(url.slice(siteUrl.length).split(/[?#]/)[0])}`))
}
