// The README's performance figures are the last bench run's: written from
// bench/results.json by npm run bench, never typed.
import type { BenchResults } from '../../bench/report'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { readmeSection, readReadme } from '../../bench/report'
import { root } from '../helpers/node-wasi'

it('bench/README.md holds the table of bench/results.json, as npm run bench wrote it', () => {
  const results = JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')) as BenchResults
  expect(readReadme()).toContain(readmeSection(results))
})
