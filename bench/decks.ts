// The two decks the benchmark builds in its own run: this one (with `npm run build`,
// timed, and `npm run export`, timed) and a stock Slidev deck as the baseline.
import type { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { root } from '../tooling/lib/paths.mjs'

export interface Timed { ms: number }

/** Runs a command quietly; on failure, throws with the end of its output. */
function timedRun(command: string, args: string[], cwd: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } })
    let log = ''
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString('utf8')).slice(-8000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0)
        resolve({ ms: performance.now() - started })
      else
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${log}`))
    })
  })
}

/** `npm run build -- --out <dir>`: the site, with the PDF inside it (download: true). */
export function buildThisDeck(outDir: string): Promise<Timed> {
  return timedRun('npm', ['run', 'build', '--', '--out', outDir], root)
}

/** `npm run export -- --output <pdf>`. */
export function exportThisDeck(pdf: string): Promise<Timed> {
  return timedRun('npm', ['run', 'export', '--', '--output', pdf], root)
}

export function slidevVersion(): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules/@slidev/cli/package.json'), 'utf8')) as { version: string }).version
}

/** A code block for the stock deck's third slide, edited in Monaco (`{monaco}`). */
export interface StockEditor { lang: string, code: string }

/**
 * A stock Slidev deck: the same Slidev and theme (this project's node_modules), default
 * settings, two slides of text (and, with `editor`, a third with one `{monaco}` block).
 * Fonts are the one change: Slidev's default pulls them from Google Fonts, which this
 * offline machine cannot reach (and this deck does not use).
 */
export function buildStockDeck(workDir: string, outDir: string, editor?: StockEditor): Promise<Timed> {
  mkdirSync(workDir, { recursive: true })
  symlinkSync(join(root, 'node_modules'), join(workDir, 'node_modules'), 'dir')
  writeFileSync(join(workDir, 'package.json'), `${JSON.stringify({ name: 'stock-deck', private: true, type: 'module' })}\n`)
  writeFileSync(join(workDir, 'slides.md'), [
    '---',
    'theme: default',
    'title: A stock Slidev deck',
    'fonts:',
    '  provider: none',
    '---',
    '',
    '# A stock Slidev deck',
    '',
    'The baseline: Slidev and its default theme, nothing added.',
    '',
    '---',
    '',
    '# A second slide',
    '',
    'So that there is a next slide to preload.',
    '',
    ...(editor
      ? ['---', '', '# An editor', '', `\`\`\`\`${editor.lang} {monaco}`, editor.code.trimEnd(), '````', '']
      : []),
  ].join('\n'))
  return timedRun(process.execPath, [join(root, 'node_modules/@slidev/cli/bin/slidev.mjs'), 'build', '--out', outDir], workDir)
}
