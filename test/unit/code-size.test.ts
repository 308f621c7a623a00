// Rooms stay readable: no source file over 400 lines (slides.md is the talk, not code), and no
// function over 120 lines, nested ones and callbacks included (in .vue files: their <script>).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { root } from '../helpers/node-wasi'

const MAX_FILE_LINES = 400
const MAX_FUNCTION_LINES = 120
const SOURCE = /\.(?:ts|mts|mjs|js|vue|py|zig|c|h|java|css)$/

const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter(f => SOURCE.test(f) && !f.startsWith('public/') && !f.endsWith('.d.ts'))

/** Every function in a file's script, as "path:line" with its length in lines. */
function functionLengths(path: string): Array<{ where: string, lines: number }> {
  let text = readFileSync(`${root}${path}`, 'utf8')
  let offset = 0
  if (path.endsWith('.vue')) {
    const script = /<script[^>]*>([\s\S]*?)<\/script>/.exec(text)
    if (!script)
      return []
    offset = text.slice(0, script.index).split('\n').length - 1
    text = script[1]
  }
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)
  const found: Array<{ where: string, lines: number }> = []
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = file.getLineAndCharacterOfPosition(node.getStart()).line
      const last = file.getLineAndCharacterOfPosition(node.end).line
      found.push({ where: `${path}:${first + 1 + offset}`, lines: last - first + 1 })
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

describe('the size of the code', () => {
  it(`has no source file over ${MAX_FILE_LINES} lines`, () => {
    expect(tracked.length).toBeGreaterThan(100)
    const long = tracked
      .map(path => ({ path, lines: readFileSync(`${root}${path}`, 'utf8').split('\n').length }))
      .filter(f => f.lines > MAX_FILE_LINES)
    expect(long).toEqual([])
  })

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const all = tracked.filter(f => /\.(?:ts|mts|mjs|js|vue)$/.test(f)).flatMap(functionLengths)
    expect(all.length).toBeGreaterThan(500)
    expect(all.filter(f => f.lines > MAX_FUNCTION_LINES)).toEqual([])
  })
})
