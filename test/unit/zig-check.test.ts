// zig-check.wasm (Zig 0.17's std front end, built for wasm32-wasi) gives the page the
// messages the real compiler prints: every broken program in test/fixtures/zig-check/
// goes through `zig ast-check` (the 0.17 binary) and through the runner, as the Live Zig
// slide runs it, and the two outputs are compared byte for byte, source lines and carets
// included (rebuilt from the spans the page marks). Then `fmt` against `zig fmt`, and the
// inputs that must not hurt the page.
import type { ZigMessage } from '../../demos/browser/live-zig/zig-check'
import { Buffer } from 'node:buffer'
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkZig, formatZig, messageLine, utf16Offsets, ZIG_CHECK_PROGRAM } from '../../demos/browser/live-zig/zig-check'
import { DEFAULT_TIMEOUT_MS } from '../../demos/browser/runner/protocol'
import { findZig } from '../../tooling/lib/zig-toolchain.mjs'
import { committedWasm, runner } from '../helpers/node-runner'
import { root, runNodeWasi } from '../helpers/node-wasi'

const fixtures = join(root, 'test/fixtures/zig-check')
const broken = readdirSync(fixtures).filter(f => f.endsWith('.zig')).sort()
const zig = findZig()
const zigBin = 'bin' in zig ? zig.bin : undefined

const run = (options: Parameters<typeof runner.run>[1]) => runner.run(committedWasm(ZIG_CHECK_PROGRAM), options)

/** What `zig ast-check FILE` prints for `source` (the real compiler, run in the fixtures folder). */
function astCheck(file: string, source?: Uint8Array): string {
  const r = spawnSync(zigBin!, source ? ['ast-check', '--color', 'off'] : ['ast-check', '--color', 'off', file], { cwd: fixtures, input: source, encoding: 'buffer' })
  return r.stderr.toString('utf8')
}

/**
 * The page's messages printed the way ErrorBundle prints them (std/zig/ErrorBundle.zig):
 * the first line is what the slide lists; the source line and the caret come from the span.
 */
function asAstCheck(path: string, source: Uint8Array, messages: ZigMessage[]): string {
  const text = Buffer.from(source)
  const lineOf = (m: ZigMessage) => {
    const begin = text.lastIndexOf(0x0A, m.main - 1) + 1
    const stop = text.indexOf(0x0A, m.main)
    return text.subarray(begin, stop < 0 ? text.length : stop).toString('utf8')
  }
  let out = ''
  let error: ZigMessage | undefined
  for (const m of messages) {
    out += `${path}:${messageLine(m)}\n`
    const sameAsError = m.kind === 'note' && error && error.line === m.line && error.column === m.column
    if (m.kind === 'error')
      error = m
    if (sameAsError)
      continue
    const before = m.main - m.start
    const after = Math.max(0, m.end - m.main - 1)
    out += `${lineOf(m).replace(/\t/g, ' ')}\n${' '.repeat(m.column - 1 - before)}${'~'.repeat(before)}^${'~'.repeat(after)}\n`
  }
  return out
}

describe.skipIf(!zigBin)('zig-check in the runner says what `zig ast-check` (0.17) says', () => {
  it('has ten or more broken programs to compare', () => {
    expect(broken.length).toBeGreaterThanOrEqual(10)
  })

  it.each(broken)('%s: same messages, positions and carets', async (file) => {
    const source = readFileSync(join(fixtures, file))
    const expected = astCheck(file)
    const checked = await checkZig(source, run)
    if (!checked.ok)
      throw new Error(checked.problem)
    expect(asAstCheck(file, source, checked.messages)).toBe(expected)
    // Every fixture but the one that shows what needs types (missing-try.zig) has an error.
    expect(checked.messages.length > 0).toBe(file !== 'missing-try.zig')
    expect(checked.result.exitCode).toBe(checked.messages.length ? 1 : 0)
  })

  it('an empty file and invalid UTF-8 get the compiler\'s verdict too', async () => {
    for (const source of [new Uint8Array(0), Uint8Array.from([0x63, 0x6F, 0x6E, 0x73, 0x74, 0x20, 0xFF, 0xFE, 0x0A]), new TextEncoder().encode('const s = "\xFF";\n')]) {
      const checked = await checkZig(source, run)
      if (!checked.ok)
        throw new Error(checked.problem)
      expect(asAstCheck('<stdin>', source, checked.messages)).toBe(astCheck('<stdin>', source))
    }
  })

  it('1 MiB of source is checked within the watchdog, with the compiler\'s verdict', async () => {
    let source = 'const std = @import("std");\n'
    for (let i = 0; source.length < 1 << 20; i++)
      source += `pub fn f${i}(a: u32, b: u32) u32 {\n    var sum: u32 = 0;\n    var k: u32 = a;\n    while (k < b) : (k += 1) sum +%= k;\n    return sum;\n}\n`
    const bytes = new TextEncoder().encode(source)
    const checked = await checkZig(bytes, run)
    if (!checked.ok)
      throw new Error(checked.problem)
    expect(checked.result.timings.totalMs).toBeLessThan(DEFAULT_TIMEOUT_MS)
    expect(asAstCheck('<stdin>', bytes, checked.messages)).toBe(astCheck('<stdin>', bytes))
  })
})

describe.skipIf(!zigBin)('zig-check fmt writes what `zig fmt` writes', () => {
  it.each(['greet.zig', 'mandelbrot.zig', 'zig-check.zig'])('zig/src/%s, squeezed onto few lines, comes back as zig fmt formats it', async (file) => {
    const original = readFileSync(join(root, 'zig/src', file), 'utf8')
    const squeezed = original.replace(/\n {4,}/g, '\n').replace(/ {2,}/g, ' ')
    const expected = execFileSync(zigBin!, ['fmt', '--stdin'], { input: squeezed, encoding: 'utf8' })
    const formatted = await formatZig(squeezed, run)
    expect(formatted.ok && formatted.formatted).toBe(expected)
  })

  it('source with a syntax error is not formatted: its error is listed', async () => {
    const formatted = await formatZig('pub fn main() void {\n    return 1\n}\n', run)
    expect(formatted.ok && formatted.formatted).toBe(undefined)
    expect(formatted.ok && formatted.messages.map(messageLine)).toEqual(['2:13: error: expected \';\' after statement'])
  })
})

describe('zig-check on input that must not hurt the page', () => {
  it('10,000 nested braces: one line saying it is not checked, at once', async () => {
    const source = `pub fn main() void {${'{'.repeat(10_000)}${'}'.repeat(10_000)}}\n`
    const checked = await checkZig(source, run)
    expect(checked.ok ? checked.messages : checked.problem).toBe('not checked: brackets nest more than 1000 levels deep: not checked here')
  })

  it('100,000 prefix operators (deep recursion without brackets): one line from the runner, no hang', async () => {
    const checked = await checkZig(`const a = ${'-'.repeat(100_000)}1;\n`, run)
    expect(checked.ok).toBe(false)
    expect(!checked.ok && checked.problem).toMatch(/^zig-check stopped \(wasm trap: .+\): std's parser and AstGen recurse, and deep nesting exhausts the stack$/)
    // The runner is fine afterwards.
    const next = await checkZig('const a = 1;\n', run)
    expect(next.ok && next.messages).toEqual([])
  })

  it('more than 4 MiB: one line saying so', async () => {
    const checked = await checkZig(`${'// filler\n'.repeat(420_000)}`, run)
    expect(checked.ok ? checked.messages : checked.problem).toBe('not checked: the source has 4200000 bytes: more than the 4194304 checked here')
  })

  it('a UTF-16 byte order mark: one line saying so', async () => {
    const checked = await checkZig(Uint8Array.from([0xFE, 0xFF, 0x00, 0x61]), run)
    expect(checked.ok ? checked.messages : checked.problem).toBe('not checked: the source is not UTF-8 (a UTF-16 or UTF-32 byte order mark)')
  })

  it('no mode: usage on one line, exit code 2', async () => {
    const r = await run({ programName: ZIG_CHECK_PROGRAM, stdin: '' })
    expect(new TextDecoder().decode(r.stdout)).toBe('fatal\tusage: zig-check check|fmt < file.zig\n')
    expect(r.exitCode).toBe(2)
  })
})

describe('zig-check under node:wasi', () => {
  it('prints the same bytes as in the runner', async () => {
    const source = readFileSync(join(fixtures, 'several-errors.zig'))
    const node = await runNodeWasi(ZIG_CHECK_PROGRAM, { args: ['check'], stdin: source })
    const page = await run({ programName: ZIG_CHECK_PROGRAM, args: ['check'], stdin: source })
    expect(node.stdout.toString('utf8')).toBe(new TextDecoder().decode(page.stdout))
    const at = source.indexOf('drnk') // a byte offset, past the 3-byte ☕ and the 2-byte é
    expect(node.stdout.toString('utf8').split('\n')[0]).toBe(`error\t5\t59\t${at}\t${at}\t${at + 4}\tuse of undeclared identifier 'drnk'`)
    expect(node.exitCode).toBe(1)
  })
})

describe('byte offsets to the editor\'s UTF-16 offsets', () => {
  it('counts 2-, 3- and 4-byte characters as JS strings do', () => {
    const source = 'é☕😀x'
    const bytes = new TextEncoder().encode(source)
    expect(bytes.length).toBe(2 + 3 + 4 + 1)
    expect(utf16Offsets(source, [9, 0, 2, 5, 10, 99])).toEqual([4, 0, 1, 2, 5, 5])
  })
})
