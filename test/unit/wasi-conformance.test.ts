// The differential WASI suite: each conformance program (zig/src/conformance-*.c,
// zig/src/preopens.zig) runs under node:wasi and under the page's runner, and stdout,
// stderr, the exit code and the files left in the preopens must match byte for byte.
// Where node:wasi (Node 20's uvwasi) is not what the WASI spec says, the case lists the
// line node prints and the line the spec asks for: the runner must print the spec's, and
// node must still print its own (so a fixed Node shows up here).
import type { RunResult } from '../../demos/browser/runner/protocol'
import type { BrowserRun } from '../../tooling/harness/open-harness'
import type { HostInput, HostRun } from '../helpers/node-wasi'
import { Buffer } from 'node:buffer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowserHarness } from '../../tooling/harness/open-harness'
import { committedWasm, runner } from '../helpers/node-runner'
import { runNodeWasi } from '../helpers/node-wasi'

afterAll(() => runner.dispose())

interface Deviation {
  /** The line node:wasi prints. */
  node: string
  /** The line the spec asks for, which the runner prints. */
  spec: string
  /** Why, with the spec's words and where they are. */
  why: string
}

// wasi_snapshot_preview1's spec text: https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/docs.md
const SPEC = 'WASI preview1 docs.md'
// https://github.com/WebAssembly/wasi-filesystem/blob/main/path-resolution.md
const ESCAPE = 'wasi-filesystem path-resolution.md: resolution stays beneath the base directory, even on the way ("../../stuff/here" is refused even if it ends inside), and a symlink is sandboxed when followed; a preview 1 host answers NOTCAPABLE. node:wasi treats ".." at the preopen as the preopen itself (like chroot) and answers as if the path were inside'

const FILES = { 'a.txt': 'hello\n', 'sub/b.txt': 'bee\n', 'empty/': '' }

const cases: Array<{ id: string, program: string, input: HostInput, exitCode: { node: number, spec: number }, deviations: Deviation[] }> = [
  {
    id: 'files and directories',
    program: 'conformance-files',
    input: { preopens: { '/': FILES } },
    exitCode: { node: 1, spec: 0 },
    deviations: [
      { node: 'open ../outside: errno 44 (unexpected)', spec: 'open ../outside: errno 76', why: ESCAPE },
      { node: 'open sub/../../a.txt: errno 0 (unexpected)', spec: 'open sub/../../a.txt: errno 76', why: ESCAPE },
      { node: 'open out (leaves the preopen): errno 44 (unexpected)', spec: 'open out (leaves the preopen): errno 76', why: `${ESCAPE} (here through a symlink to ../escape)` },
      { node: 'open link.txt without following: errno 0 (unexpected)', spec: 'open link.txt without following: errno 32', why: `${SPEC}, lookupflags.symlink_follow: "As long as the resolved path corresponds to a symbolic link, it is expanded"; without it the link is not expanded, and opening it is LOOP (POSIX O_NOFOLLOW). node:wasi lets the host follow it` },
      { node: '  flags 33794', spec: '  flags 1', why: `${SPEC}, fdstat.fs_flags is an fdflags (append = bit 0); node:wasi passes the host's raw O_* flags (O_LARGEFILE|O_APPEND|O_RDWR)` },
      { node: '  type 3, flags 32768, base 0xfbffe98, inheriting 0xfffffff', spec: '  type 3, flags 0, base 0xfbffe98, inheriting 0xfffffff', why: `${SPEC}, fdstat.fs_flags: node:wasi reports the host's O_LARGEFILE (0x8000)` },
      { node: '  type 4, flags 32768, base 0x26, inheriting 0', spec: '  type 4, flags 0, base 0x26, inheriting 0', why: `${SPEC}, fdstat.fs_flags: node:wasi reports the host's O_LARGEFILE (0x8000)` },
    ],
  },
  {
    id: 'args, env, clocks, random, poll, sockets, preopen names',
    program: 'conformance-system',
    input: { stdin: 'ping\n', args: ['x', 'y z'], env: { A: '1', B: 'two' }, preopens: { in: { 'a.txt': 'a' }, out: {} } },
    exitCode: { node: 1, spec: 3 },
    deviations: [
      { node: 'sock_shutdown on a closed fd: errno 58 (unexpected)', spec: 'sock_shutdown on a closed fd: errno 8', why: `${SPEC}, errno: badf is the answer for a file descriptor that is not open; node:wasi answers NOTSUP before looking at the fd` },
    ],
  },
  {
    id: 'the slide\'s program: list one named preopen, write into another',
    program: 'preopens',
    input: { args: ['reports/listing.txt'], preopens: { in: { 'hello.txt': 'Hello\n', 'notes/': '', 'cafe.bin': new Uint8Array([99, 97, 102, 233]) }, out: { 'old.txt': 'kept\n' } } },
    exitCode: { node: 0, spec: 0 },
    deviations: [],
  },
]

const utf8 = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8')

/** What the spec asks for, from node's output and the case's deviations. */
function specOf(node: HostRun, c: (typeof cases)[number]): string {
  let text = utf8(node.stdout)
  for (const d of c.deviations) {
    expect(text, `node:wasi no longer prints "${d.node}": ${d.why}`).toContain(`${d.node}\n`)
    text = text.replace(`${d.node}\n`, `${d.spec}\n`)
  }
  const unexpected = c.deviations.filter(d => d.node.endsWith('(unexpected)')).length
  return text.replace(/^\d+ unexpected\n$/m, (line) => {
    expect(line).toBe(`${unexpected} unexpected\n`)
    return '0 unexpected\n'
  })
}

function trees(preopens: Record<string, Record<string, Uint8Array>> | undefined) {
  return Object.fromEntries(Object.entries(preopens ?? {}).map(([name, tree]) => [name, Object.fromEntries(Object.entries(tree).map(([p, b]) => [p, utf8(b)]))]))
}

/** Our run gives the spec's bytes: node's stdout with the case's deviations, node's stderr and files, the spec's exit code. */
function expectSpec(ours: RunResult | BrowserRun, node: HostRun, c: (typeof cases)[number]) {
  expect(ours.error).toBeUndefined()
  expect(utf8(ours.stdout)).toBe(specOf(node, c))
  expect(utf8(ours.stderr)).toBe(utf8(node.stderr))
  expect(ours.exitCode).toBe(c.exitCode.spec)
  expect(trees(ours.preopens)).toEqual(trees(node.preopens))
}

describe('the runner against node:wasi, byte for byte', () => {
  for (const c of cases) {
    it(c.id, async () => {
      const node = await runNodeWasi(c.program, c.input)
      const ours: RunResult = await runner.run(committedWasm(c.program), c.input)
      expect(node.exitCode).toBe(c.exitCode.node)
      expectSpec(ours, node, c)
    }, 60_000)
  }
})

describe('the runner in Chromium (Web Workers) gives the same bytes', () => {
  let harness: Awaited<ReturnType<typeof openBrowserHarness>>
  beforeAll(async () => {
    harness = await openBrowserHarness()
  }, 120_000)
  afterAll(() => harness?.close())

  for (const c of cases) {
    it(c.id, async () => {
      const node = await runNodeWasi(c.program, c.input)
      const preopens = Object.fromEntries(Object.entries(c.input.preopens ?? {}).map(([name, files]) =>
        [name, Object.fromEntries(Object.entries(files).map(([p, v]) => [p, typeof v === 'string' ? v : [...v]]))]))
      const stdin = c.input.stdin === undefined ? undefined : [...Buffer.from(c.input.stdin)]
      expectSpec(await harness.run({ program: c.program, args: c.input.args, stdin, env: c.input.env, preopens }), node, c)
    }, 60_000)
  }
})

describe('where node:wasi hangs or crashes, the runner follows the spec', () => {
  it('path_filestat_set_times with MTIM and MTIM_NOW is INVAL (node:wasi answers INVAL, then its next call on the directory hangs)', async () => {
    const ours = await runner.run(committedWasm('conformance-files'), { args: ['path-times-inval'], preopens: { '/': FILES } })
    expect(utf8(ours.stdout)).toContain('path set_times MTIM with MTIM_NOW: errno 28\n0 unexpected\n')
    expect(ours.exitCode).toBe(0)
  })

  it('poll_oneoff on an absolute time already past returns at once; sock_* on stdio return errnos (node:wasi never returns / segfaults)', async () => {
    const ours = await runner.run(committedWasm('conformance-system'), { args: ['node-fails'], stdin: 'ping\n', preopens: { in: {} } })
    const out = utf8(ours.stdout)
    expect(out).toContain('poll an absolute time in the past: errno 0, 1 event(s) [userdata 8, type 0, error 0]\n')
    expect(out).toContain('sock_recv on stdin: errno 76\nsock_send on stdout: errno 76\n')
    expect(out).toContain('0 unexpected\n')
    expect(ours.exitCode).toBe(3)
  })

  it('a relative symlink under a named preopen resolves from the link\'s directory (node:wasi: NOENT unless the preopen is named "/")', async () => {
    const input = { preopens: { work: FILES } }
    const node = await runNodeWasi('conformance-files', input)
    expect(utf8(node.stdout)).toContain('read through link.txt: errno 44\n')
    const ours = await runner.run(committedWasm('conformance-files'), input)
    expect(utf8(ours.stdout)).toContain('read through link.txt: "bee"\n')
    expect(utf8(ours.stdout)).toContain('0 unexpected\n')
  }, 60_000)
})
