// Each committed module, run by Node's host (node:wasi), does what its source says.
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { runNodeWasi } from '../helpers/node-wasi'

const utf8 = (b: Buffer) => b.toString('utf8')

describe('demo: text upside down', () => {
  it('flips characters and reverses the text, keeping the final newline last', async () => {
    const r = await runNodeWasi('demo', { stdin: 'Hello, Zig!\n' })
    expect(utf8(r.stdout)).toBe('¡ƃᴉZ \'ollǝH\n')
    expect(r.exitCode).toBe(0)
  })

  it('puts the last line first', async () => {
    const r = await runNodeWasi('demo', { stdin: 'ab\ncd' })
    expect(utf8(r.stdout)).toBe('pɔ\nqɐ')
  })

  it('flipping twice gives the input back', async () => {
    const input = 'The quick brown fox (2024) jumps over [7] lazy dogs; "really?" & more!\r\nsecond line\n'
    const once = await runNodeWasi('demo', { stdin: input })
    const twice = await runNodeWasi('demo', { stdin: once.stdout })
    expect(utf8(twice.stdout)).toBe(input)
  })

  it('leaves characters it cannot flip as they are', async () => {
    const r = await runNodeWasi('demo', { stdin: '🚀 ж' })
    expect(utf8(r.stdout)).toBe('ж 🚀')
  })

  it('empty input gives empty output and exit code 0', async () => {
    const r = await runNodeWasi('demo', { stdin: '' })
    expect(r.stdout.length).toBe(0)
    expect(r.stderr.length).toBe(0)
    expect(r.exitCode).toBe(0)
  })

  it('bad input (not UTF-8) is reported on stderr with exit code 1', async () => {
    const r = await runNodeWasi('demo', { stdin: Buffer.from([0x6F, 0x6B, 0x80]) })
    expect(r.stdout.length).toBe(0)
    expect(utf8(r.stderr)).toBe('demo: input is not valid UTF-8 (byte 0x80 at offset 2)\n')
    expect(r.exitCode).toBe(1)
  })
})

describe('the other programs', () => {
  it('wasi-env prints its arguments and sorted environment', async () => {
    const r = await runNodeWasi('wasi-env', { args: ['x'], env: { B: '2', A: '1' } })
    expect(utf8(r.stdout)).toBe('2 argument(s)\n  argv[0] = wasi-env\n  argv[1] = x\n2 environment variable(s)\n  A=1\n  B=2\n')
  })

  it('read-file prints a preopened file', async () => {
    const r = await runNodeWasi('read-file', { args: ['a/b.txt'], files: { 'a/b.txt': 'inside\n' } })
    expect(utf8(r.stdout)).toBe('inside\n')
    const usage = await runNodeWasi('read-file')
    expect(utf8(usage.stderr)).toBe('usage: read-file PATH\n')
    expect(usage.exitCode).toBe(2)
  })

  it('exit-code exits with its argument', async () => {
    const r = await runNodeWasi('exit-code', { args: ['9'] })
    expect(r.exitCode).toBe(9)
    expect(utf8(r.stdout)).toBe('exiting with code 9\n')
  })

  it('panic prints a planet or panics on a bad index', async () => {
    const ok = await runNodeWasi('panic', { stdin: '2\n' })
    expect(utf8(ok.stdout)).toBe('planet #2 is Earth\n')
    const bad = await runNodeWasi('panic', { stdin: '3\n' })
    expect(utf8(bad.stderr)).toContain('panic: index out of bounds: index 3, len 3\n') // 0.14+ names the index and the length
    expect(utf8(bad.stderr)).toContain('RuntimeError: unreachable')
    expect(bad.exitCode).not.toBe(0)
  })

  it('mandelbrot draws WIDTH x HEIGHT and counts iterations', async () => {
    const r = await runNodeWasi('mandelbrot', { args: ['30', '10', '50'] })
    const lines = utf8(r.stdout).split('\n')
    expect(lines.slice(0, 10).every(l => l.length === 30)).toBe(true)
    expect(lines[10]).toMatch(/^\d+ iterations$/)
    expect(utf8(r.stdout)).toContain('@')
    const usage = await runNodeWasi('mandelbrot', { args: ['0'] })
    expect(usage.exitCode).toBe(2)
  })

  it('flood writes exactly BYTES bytes', async () => {
    const r = await runNodeWasi('flood', { args: ['1000'] })
    expect(r.stdout.length).toBe(1000)
  })
})
