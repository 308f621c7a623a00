// npm run runtimes: the same committed .wasm bytes on every runtime installed here
// (see tooling/sessions/), each output compared byte for byte with node:wasi's, and
// start-up and compute timed the same way everywhere (METHOD in tooling/sessions/compare.ts).
// Prints a table and writes public/runtimes.json, but only when every runtime ran and matched:
// otherwise it names each runtime that did not, in one line, leaves the file as it was and exits 1.
//   npm run runtimes [-- --out FILE] [-- --no-timings] [-- --partial] [-- --noisy] [-- --only node,firefox --out FILE]
// Runtimes installed apart from npm (npm run runtimes:install) get a row when installed, and a
// line saying how to install them when not. Timings are taken interleaved (one round of every
// runtime, TIMING_RUNS rounds), with the load average when the script started and after the timings
// written beside them; above LOAD_LIMIT_PER_CORE at the start the file is left unchanged unless --noisy says to write it anyway.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { oneLine } from '../tooling/lib/one-line'
import { root } from '../tooling/lib/paths.mjs'
import { CASES, compareRuntimes, LOAD_LIMIT_PER_CORE, METHOD, TIMING_RUNS } from '../tooling/sessions/compare'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<number> {
  const out = arg('--out') ?? join(root, 'public/runtimes.json')
  const timings = !process.argv.includes('--no-timings')
  const partial = process.argv.includes('--partial')
  const only = arg('--only')?.split(',')
  const noisy = process.argv.includes('--noisy')
  console.log(`runtimes: ${CASES.length} cases, each compared with node:wasi${timings ? `, timings: median of ${TIMING_RUNS}` : ''}`)
  const report = await compareRuntimes({ timings, only, noisy })
  const ms = (v?: number) => (v === undefined ? '-' : v.toFixed(1))
  console.table(report.runtimes.map(r => ({
    'runtime': r.name,
    'engine': r.engine,
    'version': r.version ?? '-',
    'status': r.status,
    'passed': `${r.results.filter(x => x.pass).length}/${r.results.filter(x => !x.cannot).length}`,
    'cannot run': r.results.filter(x => x.cannot).length || '',
    ...(timings ? { 'start (ms)': ms(r.timings?.startMs), 'compute (ms)': ms(r.timings?.computeMs), 'process (ms)': ms(r.timings?.processMs) } : {}),
  })))
  if (timings)
    console.log(`${METHOD.start}\n${METHOD.compute}\n${METHOD.medians}`)
  for (const r of report.runtimes) {
    for (const x of r.results.filter(x => x.cannot))
      console.log(`runtimes: ${r.name} cannot run ${x.case}: ${x.cannot}`)
  }
  const bad = report.runtimes.filter(r => r.status !== 'verified')
  for (const r of bad) {
    const failures = r.results.filter(x => !x.pass && !x.cannot)
    const why = r.message ?? `${failures.length} case(s) differ from node:wasi: ${failures.map(x => `${x.case} (${x.detail})`).join('; ')}`
    console.error(`runtimes: ${r.name} ${r.status === 'missing' ? 'could not run' : 'failed'}: ${why}`)
  }
  if (only && !arg('--out')) {
    console.error(`runtimes: --only ran a subset: ${out} left unchanged (give --out FILE to write it elsewhere)`)
    return bad.length ? 1 : 0
  }
  const tooLoaded = report.load && report.load.before[0] > report.load.limit
  if (tooLoaded && !noisy) {
    console.error(`runtimes: ${out} left unchanged: load average ${report.load!.before[0]} when it started, above ${report.load!.limit} (${LOAD_LIMIT_PER_CORE} per core); wait for a quieter machine, or --noisy to write them anyway`)
    return 1
  }
  if (bad.length && !partial) {
    console.error(`runtimes: ${out} left unchanged (every runtime must run and match; --partial writes what ran)`)
    return 1
  }
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`wrote ${out}${bad.length ? ' (partial: see the failures above)' : ''}`)
  return bad.length ? 1 : 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Exit explicitly: nothing this script started (esbuild's service, a server, a browser) may keep it alive.
  main().then(code => process.exit(code), (e) => {
    console.error(`runtimes: ${oneLine(e)}`)
    process.exit(1)
  })
}
