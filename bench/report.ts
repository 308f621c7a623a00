// The bench's figures in bench/README.md: written from bench/results.json between two markers,
// never typed (a unit test checks the README holds what results.json says).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from '../tooling/lib/paths.mjs'

export const README_START = '<!-- bench:results (written by npm run bench from bench/results.json) -->'
export const README_END = '<!-- /bench:results -->'

/** What the README section reads from bench/results.json. */
export interface BenchResults {
  date: string
  machine: { cpu: string, cores: number, loadAverage: { start: number, end: number }, node: string, chromium: string, slidev: string }
  firstLoad: { loads: number }
  editorSlides: { loads: number }
  clickToOutput: { clicks: number, warmup: number }
  runnerOverhead: { runs: number }
  table: Array<Record<string, string>>
}

const cell = (text: string) => text.replace(/\|/g, '\\|')

/** The README's section for these results: how they were measured, then the table. */
export function readmeSection(results: BenchResults): string {
  const m = results.machine
  const columns = Object.keys(results.table[0] ?? {})
  return [
    README_START,
    `Last run: ${results.date.slice(0, 10)}, ${m.cores} cores (${m.cpu}; load average ${m.loadAverage.start.toFixed(1)} at the start, ${m.loadAverage.end.toFixed(1)} at the end), Node ${m.node.replace(/^v/, '')}, Chromium ${m.chromium}, Slidev ${m.slidev}. `
    + `First load: median of ${results.firstLoad.loads} cold loads per deck, alternating; editor slides: median of ${results.editorSlides.loads} cold loads each; `
    + `click: ${results.clickToOutput.clicks} clicks after ${results.clickToOutput.warmup} warm-up clicks; runner: median of ${results.runnerOverhead.runs} runs.`,
    '',
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...results.table.map(row => `| ${columns.map(c => cell(row[c] ?? '').trim()).join(' | ')} |`),
    README_END,
  ].join('\n')
}

export function readResults(): BenchResults {
  return JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')) as BenchResults
}

export function readReadme(): string {
  return readFileSync(join(root, 'bench/README.md'), 'utf8')
}

/** Replaces the section between the markers in bench/README.md. */
export function updateReadme(results: BenchResults): void {
  const readme = readReadme()
  const start = readme.indexOf(README_START)
  const end = readme.indexOf(README_END)
  if (start < 0 || end < start)
    throw new Error(`bench/README.md has no "${README_START}" … "${README_END}" section for the bench's table`)
  writeFileSync(join(root, 'bench/README.md'), readme.slice(0, start) + readmeSection(results) + readme.slice(end + README_END.length))
}
