// npm run runtimes:install [-- id ...]: installs the runtimes npm does not bring into
// .runtimes/<id>/ (gitignored), each at a pinned version, for npm run runtimes and the tests.
// One module per runtime in tooling/install/ (see tooling/lib/runtime-installs.ts for the
// contract); this script finds them all, installs them one after the other (a cargo build
// takes both cores), prints a progress line per runtime and one line for each that failed,
// and exits 1 if any did. Run it again: what is installed with the same pin is skipped.
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { installers, installOne } from '../tooling/lib/install-one'
import { oneLine } from '../tooling/lib/one-line'
import { RUNTIMES_DIR } from '../tooling/lib/runtime-installs'

async function main(): Promise<number> {
  const all = await installers()
  const wanted = process.argv.slice(2).filter(a => !a.startsWith('-'))
  const unknown = wanted.filter(id => !all.some(i => i.id === id))
  if (unknown.length) {
    console.error(`runtimes:install: no installer for ${unknown.join(', ')} (there are: ${all.map(i => i.id).join(', ')})`)
    return 1
  }
  const chosen = wanted.length ? all.filter(i => wanted.includes(i.id)) : all
  const t0 = performance.now()
  const failed: string[] = []
  for (const inst of chosen) {
    const { ok, line } = await installOne(inst, s => console.log(`runtimes:install: ${s}`))
    ;(ok ? console.log : console.error)(`runtimes:install: ${line}`)
    if (!ok)
      failed.push(inst.id)
  }
  const total = Math.round((performance.now() - t0) / 1000)
  console.log(`runtimes:install: ${chosen.length - failed.length}/${chosen.length} installed in ${RUNTIMES_DIR} (${total} s)${failed.length ? `; failed: ${failed.join(', ')}` : ''}`)
  return failed.length ? 1 : 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(code => process.exit(code), (e) => {
    console.error(`runtimes:install: ${oneLine(e)}`)
    process.exit(1)
  })
}
