// The built site holds what its slides can fetch. public/wasm/ holds more, for the tests and
// npm run runtimes: the WASI conformance suite's programs (test/unit/wasi-conformance.test.ts),
// the components of programs no slide runs as a component, and every component's binary
// (<name>.component.wasm: the page runs its transpiled form, wasm/components/<name>/). They are
// left out of the site and of its copy of the manifest.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { root, transpiledDir, WASM_URL_DIR } from './paths.mjs'

/**
 * @typedef {{ modules: { file: string, conformance?: boolean }[], components: { name: string, file?: string }[] }} SiteManifest
 *   the part of manifest.json this reads
 */

/**
 * The programs the slides run as components: `<ComponentCompare program="demo" />`.
 * @param {string} slides the text of slides.md
 * @returns {string[]} their names
 */
export function componentsOnSlides(slides) {
  return [...slides.matchAll(/<ComponentCompare\s[^>]*?program="([\w-]+)"/g)].map(m => m[1])
}

/**
 * Removes from a built site in `dir` what no slide fetches (see above), and says so in its manifest.
 * @param {string} dir the built site
 * @param {string} [slides] the text of slides.md (by default the project's)
 * @returns {string[]} the files removed, relative to `dir`
 */
export function leaveOutUnfetchedModules(dir, slides = readFileSync(join(root, 'slides.md'), 'utf8')) {
  const path = join(dir, WASM_URL_DIR, 'manifest.json')
  /** @type {SiteManifest} */
  const manifest = JSON.parse(readFileSync(path, 'utf8'))
  const shown = new Set(componentsOnSlides(slides))
  const removed = [
    ...manifest.modules.filter(m => m.conformance).map(m => m.file),
    ...manifest.components.flatMap(c => (c.file ? [c.file] : [])),
    ...manifest.components.filter(c => !shown.has(c.name)).map(c => `${WASM_URL_DIR}/${transpiledDir(c.name)}`),
  ]
  for (const file of removed)
    rmSync(join(dir, file), { recursive: true, force: true })
  manifest.modules = manifest.modules.filter(m => !m.conformance)
  manifest.components = manifest.components.filter(c => shown.has(c.name)).map(({ file: _binary, ...c }) => c)
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`)
  return removed
}
