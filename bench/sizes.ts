// Sizes: each committed module (from the manifest) and the whole deployed Worker against
// today's Worker size limit, and the built site.
import type { WasmManifest } from '../demos/shared/manifest'
import type { SiteFile } from '../tooling/lib/site-files'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { prepareWorker } from '../demos/cloudflare-worker/workerd-host.mjs'
import { WORKER_SIZE_LIMIT } from '../demos/shared/worker-limits'
import { manifestPath, root } from '../tooling/lib/paths.mjs'

/** Today's Worker size limit (the 2023 slide's 1 MB / 5 MB are quoted as the 2023 slide's). */
export const WORKER_LIMITS = [WORKER_SIZE_LIMIT]

export interface ModuleSize { name: string, bytes: number, gzipBytes: number }

export function moduleSizes(): ModuleSize[] {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as WasmManifest
  // The deck's modules: the WASI conformance suite's programs are tests, not part of the site.
  return manifest.modules.filter(m => !m.conformance).map(m => ({
    name: m.name,
    bytes: m.bytes,
    gzipBytes: gzipSync(readFileSync(join(root, 'public', m.file))).length,
  }))
}

/** What `wrangler deploy` would upload: the bundled Worker, demo.wasm and workers-wasi's memfs.wasm. */
export async function workerBundleSize(): Promise<{ files: ModuleSize[], bytes: number, gzipBytes: number }> {
  const dir = await prepareWorker()
  try {
    const files = readdirSync(dir)
      .filter(f => /\.(?:mjs|wasm)$/.test(f))
      .map((name) => {
        const data = readFileSync(join(dir, name))
        return { name, bytes: data.length, gzipBytes: gzipSync(data).length }
      })
    return {
      files,
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface SiteSize { files: number, bytes: number, pdfBytes: number, monacoBytes: number, wasmBytes: number }

export function siteSize(files: Map<string, SiteFile>): SiteSize {
  const all = [...files.values()]
  const sum = (list: SiteFile[]) => list.reduce((n, f) => n + f.bytes, 0)
  return {
    files: all.length,
    bytes: sum(all),
    pdfBytes: sum(all.filter(f => f.path.endsWith('.pdf'))),
    monacoBytes: sum(all.filter(f => f.kind === 'monaco')),
    wasmBytes: sum(all.filter(f => f.kind === 'wasm')),
  }
}
