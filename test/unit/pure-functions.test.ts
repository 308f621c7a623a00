// The pure functions behind the demos, each checked on its own: no process, no worker,
// no browser, so this file runs in well under a second.
import { Directory, File, wasi } from '@bjorn3/browser_wasi_shim'
import { describe, expect, it } from 'vitest'
import { parseArgs } from '../../demos/browser/composables/useWasiRun'
import { parseDiagnostics, SOURCE_FILE } from '../../demos/browser/live-zig/compile-reply'
import { resolvePath, Symlink } from '../../demos/browser/runner/wasi-fixes'
import { DISPLAY_LIMIT, OutputText } from '../../demos/browser/view/output-text'
import { timingsOf } from '../../demos/browser/view/runtime-rows'
import { formatBytes, formatMs } from '../../demos/shared/format'
import { hostArgs } from '../../demos/shared/host-args.mjs'
import { fromBase64, parseRun, runHeaders, runRequestParts, toBase64 } from '../../demos/shared/http-run.mjs'
import { sourcePolicy } from '../../dev-server/compile-endpoint'

const enc = new TextEncoder()

describe('path resolution with symlinks (wasi-fixes/resolve.ts)', () => {
  // /a.txt, /dir/b.txt, /dir/up -> "..", /link -> "dir/b.txt", /loop -> "loop", /abs -> "/etc"
  const tree = () => new Directory([
    ['a.txt', new File(enc.encode('a'))],
    ['dir', new Directory([['b.txt', new File(enc.encode('b'))], ['up', new Symlink('..')]])],
    ['link', new Symlink('dir/b.txt')],
    ['loop', new Symlink('loop')],
    ['abs', new Symlink('/etc')],
  ])

  it('finds a plain path and keeps it as given', () => {
    const r = resolvePath(tree(), 'dir/b.txt', true)
    expect(r).toMatchObject({ ret: wasi.ERRNO_SUCCESS, path: 'dir/b.txt', followed: false })
    expect(r.entry).toBeInstanceOf(File)
  })

  it('follows a symlink at the end only when asked, and in the middle always', () => {
    expect(resolvePath(tree(), 'link', true)).toMatchObject({ ret: wasi.ERRNO_SUCCESS, path: 'dir/b.txt', followed: true })
    expect(resolvePath(tree(), 'link', false).entry).toBeInstanceOf(Symlink)
    expect(resolvePath(tree(), 'dir/up/a.txt', false)).toMatchObject({ ret: wasi.ERRNO_SUCCESS, path: 'a.txt', followed: true })
  })

  it('keeps a path that does not exist yet (a file to create), and says NOENT when its directory is missing', () => {
    const fresh = resolvePath(tree(), 'dir/new.txt', false)
    expect(fresh).toMatchObject({ ret: wasi.ERRNO_SUCCESS, path: 'dir/new.txt' })
    expect(fresh.entry).toBeUndefined()
    expect(resolvePath(tree(), 'nowhere/new.txt', false).ret).toBe(wasi.ERRNO_NOENT)
    expect(resolvePath(tree(), 'a.txt/x', false).ret).toBe(wasi.ERRNO_NOTDIR)
  })

  it('refuses to leave the directory, by ".." or an absolute path or target (NOTCAPABLE, as node:wasi)', () => {
    expect(resolvePath(tree(), '../a.txt', false).ret).toBe(wasi.ERRNO_NOTCAPABLE)
    expect(resolvePath(tree(), '/a.txt', false).ret).toBe(wasi.ERRNO_NOTCAPABLE)
    expect(resolvePath(tree(), 'abs', true).ret).toBe(wasi.ERRNO_NOTCAPABLE)
  })

  it('stops a symlink loop with LOOP', () => {
    expect(resolvePath(tree(), 'loop', true).ret).toBe(wasi.ERRNO_LOOP)
  })
})

describe('the compile endpoint\'s source policy', () => {
  it('lets a program that imports only std and builtin through', () => {
    expect(sourcePolicy('const std = @import("std");\nconst builtin = @import( "builtin" );\n')).toBeUndefined()
  })

  it.each([
    ['@embedFile', 'const x = @embedFile("../../etc/passwd");', '@embedFile is not available'],
    ['@embedFile with a space', 'const x = @embedFile ("a");', '@embedFile is not available'],
    ['@cImport', 'const c = @cImport({});', '@cImport is not available'],
    ['@cInclude', 'const c = @cInclude("stdio.h");', '@cImport is not available'],
    ['@import of a file', 'const other = @import("other.zig");', 'only @import("std")'],
    ['@import of a path', 'const other = @import("../secret.zig");', 'only @import("std")'],
  ])('refuses %s, naming its line and column', (_, code, message) => {
    const refused = sourcePolicy(`const std = @import("std");\n\n  ${code}\n`)
    expect(refused?.message).toContain(message)
    expect(refused?.line).toBe(3)
    expect(refused?.column).toBe(3 + code.indexOf('@'))
  })
})

describe('the compiler\'s diagnostics', () => {
  it('reads the source file\'s error lines, whichever directory the compiler printed', () => {
    const output = [
      `/tmp/zig-abc/${SOURCE_FILE}:3:19: error: expected ';' after declaration`,
      `${SOURCE_FILE}:10:5: error: use of undeclared identifier 'x'`,
      `C:\\tmp\\${SOURCE_FILE}:1:1: error: windows path`,
      `${SOURCE_FILE}:4:1: note: not an error`,
      `/lib/std/start.zig:1:1: error: another file`,
      `${SOURCE_FILE}x:1:1: error: another name`,
    ].join('\n')
    expect(parseDiagnostics(output)).toEqual([
      { line: 3, column: 19, message: 'expected \';\' after declaration' },
      { line: 10, column: 5, message: 'use of undeclared identifier \'x\'' },
      { line: 1, column: 1, message: 'windows path' },
    ])
  })

  it('finds nothing in output without errors', () => {
    expect(parseDiagnostics('')).toEqual([])
  })
})

describe('the args line of a live run', () => {
  it('splits plain words and keeps quoted strings whole', () => {
    expect(parseArgs('--name "Zig fan" \'single quoted\' 3')).toEqual(['--name', 'Zig fan', 'single quoted', '3'])
  })

  it('gives no args for an empty or blank line, and keeps an empty quoted string', () => {
    expect(parseArgs('')).toEqual([])
    expect(parseArgs('   ')).toEqual([])
    expect(parseArgs('a "" b')).toEqual(['a', '', 'b'])
  })
})

describe('the output text of a pane', () => {
  it('decodes UTF-8 split across chunks', () => {
    const out = new OutputText()
    const bytes = enc.encode('héllo, wörld')
    out.push(bytes.subarray(0, 2))
    out.push(bytes.subarray(2))
    out.end()
    expect(out).toMatchObject({ text: 'héllo, wörld', bytes: bytes.length, invalidUtf8: false, clipped: false })
  })

  it('notes invalid bytes, and an unfinished sequence at the very end', () => {
    const invalid = new OutputText()
    invalid.push(new Uint8Array([99, 97, 102, 233, 10]))
    invalid.end()
    expect(invalid.invalidUtf8).toBe(true)
    expect(invalid.text).toBe('caf\uFFFD\n')
    const unfinished = new OutputText()
    unfinished.push(new Uint8Array([0xC3]))
    unfinished.end()
    expect(unfinished.invalidUtf8).toBe(true)
  })

  it('keeps DISPLAY_LIMIT characters and counts every byte', () => {
    const out = new OutputText()
    out.push(enc.encode('x'.repeat(DISPLAY_LIMIT + 10)))
    out.push(enc.encode('more'))
    out.end()
    expect(out).toMatchObject({ bytes: DISPLAY_LIMIT + 14, clipped: true })
    expect(out.text).toHaveLength(DISPLAY_LIMIT)
  })
})

describe('the HTTP run request', () => {
  it('carries args, env and files, and reads back as the same run', () => {
    const files = { 'hello.txt': 'Hello\n', 'latin1.txt': new Uint8Array([99, 97, 102, 233]) }
    const { path, headers } = runRequestParts({ program: 'read-file', args: ['hello.txt', 'a b&c'], env: { K: 'v=1' }, files })
    expect(path).toBe('/run/read-file?arg=hello.txt&arg=a+b%26c&env=K%3Dv%3D1')
    const [pathname, query] = path.split('?')
    const run = parseRun(pathname, query, name => headers[name])
    expect(run).toEqual({ program: 'read-file', args: ['hello.txt', 'a b&c'], env: { K: 'v=1' }, files: { 'hello.txt': enc.encode('Hello\n'), 'latin1.txt': files['latin1.txt'] } })
  })

  it('has no query and no files header for a bare run', () => {
    expect(runRequestParts({ program: 'demo' })).toEqual({ path: '/run/demo', headers: {} })
  })

  it('refuses a program that is not one of the committed ones', () => {
    expect(parseRun('/run/../../etc/passwd', '', () => undefined)).toHaveProperty('error')
    expect(parseRun('/run/zig-check', '', () => undefined)).toHaveProperty('error')
  })

  it('answers with the exit code or the trap, stderr in base64 and the compute time', () => {
    const stderr = enc.encode('panic\n')
    expect(runHeaders({ exitCode: 3, stderr, computeMs: 1.5 })).toEqual({ 'content-type': 'application/octet-stream', 'x-exit-code': '3', 'x-stderr': toBase64(stderr), 'x-compute-ms': '1.5' })
    expect(runHeaders({ trap: 'unreachable\u2028', stderr, computeMs: 2 })).toHaveProperty('x-trap', 'unreachable?')
    expect(fromBase64(toBase64(stderr))).toEqual(stderr)
  })
})

describe('the JS hosts\' command line', () => {
  const fail = (message: string): never => {
    throw new Error(message)
  }
  it('reads env, preopens (in order), timing, the module and its args', () => {
    const host = hostArgs(['--env', 'K=a=b', '--preopen', 'data=/tmp/d', '--dir', '/tmp/r', '--timing', 't.json', 'm.wasm', '--not-a-flag', 'x'], fail)
    expect(host).toEqual({ env: { K: 'a=b' }, preopens: { 'data': '/tmp/d', '/': '/tmp/r' }, timing: 't.json', wasmPath: 'm.wasm', args: ['--not-a-flag', 'x'] })
    expect(Object.keys(host.preopens)).toEqual(['data', '/'])
  })

  it('says what is wrong with an unknown flag, a flag without its value, or no module', () => {
    expect(() => hostArgs(['--verbose', 'm.wasm'], fail)).toThrow(/^unknown flag --verbose; usage: /)
    expect(() => hostArgs(['--dir'], fail)).toThrow(/^--dir needs a value/)
    expect(() => hostArgs(['--env', 'A=1'], fail)).toThrow(/^no module given/)
  })
})

describe('sizes and times', () => {
  it('formats bytes in binary units and ms with the digits asked for', () => {
    expect([formatBytes(512), formatBytes(9114), formatBytes(14_050_000)]).toEqual(['512 B', '8.9 KiB', '13.4 MiB'])
    expect([formatMs(257.4), formatMs(12.54, 1), formatMs(8.254, 1, 10), formatMs(31.44, 1, 10), formatMs(99.5, 0, 100)]).toEqual(['257 ms', '12.5 ms', '8.25 ms', '31.4 ms', '99.5 ms'])
  })
})

describe('a runtime chart row\'s timings', () => {
  it('gives each bar its time and the details their words: "–" unmeasured, a whole process said so', () => {
    expect(timingsOf({ startMs: 12.4, computeMs: 30.6 })).toEqual([{ kind: 'start', ms: 12.4, text: '12 ms' }, { kind: 'compute', ms: 30.6, text: '31 ms' }])
    expect(timingsOf({ startMs: 80, processMs: 412 })).toEqual([{ kind: 'start', ms: 80, text: '80 ms' }, { kind: 'compute', ms: undefined, text: '412 ms, whole process' }])
    expect(timingsOf(undefined).map(t => t.text)).toEqual(['–', '–'])
  })
})
