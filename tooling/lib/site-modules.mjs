// The built site holds what its slides can fetch: public/wasm/ also holds the WASI
// conformance suite's programs (test/unit/wasi-conformance.test.ts), which no slide runs.
// They are left out of the site and of its copy of the manifest.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { WASM_URL_DIR } from './paths.mjs'

/** Removes the manifest's `conformance` modules from a built site in `dir`. @param {string} dir */
export function leaveOutTestModules(dir) {
  const path = join(dir, WASM_URL_DIR, 'manifest.json')
  /** @type {{ modules: { file: string, conformance?: boolean }[] }} */
  const manifest = JSON.parse(readFileSync(path, 'utf8'))
  for (const m of manifest.modules.filter(m => m.conformance))
    rmSync(join(dir, m.file), { force: true })
  manifest.modules = manifest.modules.filter(m => !m.conformance)
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`)
}
