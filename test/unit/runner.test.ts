import { Buffer } from 'node:buffer'
import { afterAll, describe, expect, it } from 'vitest'
import { createWasiRunner } from '../../demos/browser/runner/runner'
import { spawnNodeWorker } from '../../tooling/threads/spawn-runner'
import { committedWasm, runner } from '../helpers/node-runner'
import { runNodeWasi } from '../helpers/node-wasi'

afterAll(() => runner.dispose())

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('the browser runner gives the same bytes as node:wasi', () => {
  const cases: Array<{ name: string, stdin?: string | Uint8Array, args?: string[] }> = [
    { name: 'demo', stdin: 'Hello, Zig!\nWebAssembly everywhere.\n' },
    { name: 'demo', stdin: '' },
    { name: 'demo', stdin: new Uint8Array([0x61, 0xFF, 0x62]) },
    { name: 'demo', stdin: 'ünïcödé ✓ 🚀\r\nsecond line' },
    { name: 'mandelbrot', args: ['40', '12', '200'] },
    { name: 'exit-code', args: ['42'] },
    { name: 'exit-code', args: ['nope'] },
    { name: 'wasi-env', args: ['one', 'two words'] },
  ]
  for (const c of cases) {
    it(`${c.name} ${JSON.stringify(c.args ?? [])} stdin=${JSON.stringify(c.stdin ?? '').slice(0, 30)}`, async () => {
      const [ours, reference] = await Promise.all([
        runner.run(committedWasm(c.name), { programName: c.name, stdin: c.stdin, args: c.args }),
        runNodeWasi(c.name, { stdin: c.stdin, args: c.args }),
      ])
      expect(ours.error).toBeUndefined()
      expect(Buffer.from(ours.stdout)).toEqual(reference.stdout)
      expect(Buffer.from(ours.stderr)).toEqual(reference.stderr)
      expect(ours.exitCode).toBe(reference.exitCode)
    })
  }

  it('1 MiB through demo', async () => {
    const stdin = 'The quick brown fox jumps over the lazy dog. 0123456789\n'.repeat(18725)
    const [ours, reference] = await Promise.all([
      runner.run(committedWasm('demo'), { stdin, maxOutputBytes: 4 << 20 }),
      runNodeWasi('demo', { stdin }),
    ])
    expect(reference.stdout.length).toBeGreaterThan(1 << 20)
    expect(Buffer.from(ours.stdout).equals(reference.stdout)).toBe(true)
  })
})

describe('what WASI hands the program', () => {
  it('args and env round-trip', async () => {
    const result = await runner.run(committedWasm('wasi-env'), {
      programName: 'wasi-env',
      args: ['--flag', 'with space', 'ünï'],
      env: { GREETING: 'hello', EMPTY: '' },
    })
    expect(text(result.stdout)).toBe([
      '4 argument(s)',
      '  argv[0] = wasi-env',
      '  argv[1] = --flag',
      '  argv[2] = with space',
      '  argv[3] = ünï',
      '2 environment variable(s)',
      '  EMPTY=',
      '  GREETING=hello',
      '',
    ].join('\n'))
    expect(result.exitCode).toBe(0)
  })

  it('reads a file from the preopened directory, also in a subfolder', async () => {
    const files = { 'notes/hello.txt': 'hi from a file\n', 'top.bin': new Uint8Array([1, 2, 3]) }
    const a = await runner.run(committedWasm('read-file'), { args: ['notes/hello.txt'], files })
    expect(text(a.stdout)).toBe('hi from a file\n')
    const b = await runner.run(committedWasm('read-file'), { args: ['top.bin'], files })
    expect([...b.stdout]).toEqual([1, 2, 3])
    const reference = await runNodeWasi('read-file', { args: ['notes/hello.txt'], files })
    expect(Buffer.from(a.stdout)).toEqual(reference.stdout)
  })

  it('a missing file is an error message and exit code 2, like node:wasi', async () => {
    const ours = await runner.run(committedWasm('read-file'), { args: ['missing.txt'] })
    const reference = await runNodeWasi('read-file', { args: ['missing.txt'] })
    expect(ours.exitCode).toBe(2)
    expect(text(ours.stderr)).toBe('read-file: cannot read missing.txt: FileNotFound\n')
    expect(Buffer.from(ours.stderr)).toEqual(reference.stderr)
  })

  it('the exit code comes back', async () => {
    for (const code of [0, 1, 7, 255]) {
      const result = await runner.run(committedWasm('exit-code'), { args: [String(code)] })
      expect(result.exitCode).toBe(code)
      expect(result.error).toBeUndefined()
    }
  })

  it('invalid UTF-8 on stdin: a message on stderr and exit code 1', async () => {
    const result = await runner.run(committedWasm('demo'), { stdin: new Uint8Array([0x48, 0x69, 0xC3]) })
    expect(result.exitCode).toBe(1)
    expect(text(result.stderr)).toBe('demo: input is not valid UTF-8 (byte 0xc3 at offset 2)\n')
  })
})

describe('what goes wrong is reported, never hangs', () => {
  it('a Zig panic is a trap with the panic text', async () => {
    const result = await runner.run(committedWasm('panic'), { stdin: '7' })
    expect(result.exitCode).toBeNull()
    expect(result.error?.kind).toBe('trap')
    expect(result.error?.message).toContain('unreachable')
    expect(text(result.stderr)).toBe('panic: index out of bounds: index 7, len 3\n')
  })

  it('@trap() is a trap without a message from the program', async () => {
    const result = await runner.run(committedWasm('panic'), { args: ['trap'] })
    expect(result.error?.kind).toBe('trap')
    expect(result.stderr.length).toBe(0)
  })

  it('an endless loop times out within timeout + 1 s, output so far kept', async () => {
    const t0 = performance.now()
    const result = await runner.run(committedWasm('forever'), { timeoutMs: 1000 })
    const elapsed = performance.now() - t0
    expect(result.error?.kind).toBe('timeout')
    expect(result.error?.message).toContain('1000 ms')
    expect(elapsed).toBeLessThan(2000)
    expect(text(result.stdout)).toBe('counting forever...\n')
    // The runner is still usable afterwards.
    const next = await runner.run(committedWasm('exit-code'), { args: ['3'] })
    expect(next.exitCode).toBe(3)
  })

  it('output over the cap stops the program with output-limit', async () => {
    const chunks: Uint8Array[] = []
    const result = await runner.run(committedWasm('flood'), { maxOutputBytes: 100_000, onStdout: c => chunks.push(c) })
    expect(result.error?.kind).toBe('output-limit')
    expect(result.stdout.length).toBe(100_000)
    expect(chunks.reduce((n, c) => n + c.length, 0)).toBe(100_000)
    expect(text(result.stdout).startsWith('all work and no play makes zig a dull language\n')).toBe(true)
  })

  it('50 MB of output stops at the default 1 MiB cap', async () => {
    const result = await runner.run(committedWasm('flood'))
    expect(result.error?.kind).toBe('output-limit')
    expect(result.stdout.length).toBe(1024 * 1024)
  })

  it('10 MB of stdin is read whole; its output is capped', async () => {
    const stdin = new Uint8Array(10 * 1024 * 1024).fill(0x61)
    const result = await runner.run(committedWasm('demo'), { stdin, timeoutMs: 20_000 })
    expect(result.error?.kind).toBe('output-limit')
    expect(text(result.stdout.subarray(0, 6))).toBe('ɐɐɐ')
    expect(stdin[0]).toBe(0x61) // the caller's buffer was not transferred away
  })

  it('bytes that are not wasm are a load error', async () => {
    const result = await runner.run(new TextEncoder().encode('<!DOCTYPE html><html>not found</html>'))
    expect(result.error).toEqual({ kind: 'load', message: expect.stringContaining('not a WebAssembly module') })
    expect(result.error?.message).toContain('<!DOCTYPE html>')
  })

  it('a wasm that is not a WASI command is a load error', async () => {
    // (module (func (export "f")))
    const notWasi = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 4, 1, 2, 0, 11])
    const result = await runner.run(notWasi)
    expect(result.error?.kind).toBe('load')
    expect(result.error?.message).toContain('no _start')
  })

  it('runs started together do not interleave', async () => {
    const order: string[] = []
    const runs = Array.from({ length: 10 }, (_, i) => runner.run(committedWasm('exit-code'), {
      args: [String(i)],
      onStdout: () => order.push(`out ${i}`),
    }).then((r) => {
      order.push(`done ${i}`)
      return r.exitCode
    }))
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    // A run may stream its output in several chunks; none may appear after another run started.
    expect(order.filter((e, i) => e !== order[i - 1])).toEqual(Array.from({ length: 10 }, (_, i) => [`out ${i}`, `done ${i}`]).flat())
  })

  it('a module is compiled once and reused', async () => {
    const wasm = committedWasm('mandelbrot')
    await runner.run(wasm, { args: ['8', '4', '10'] })
    const again = await runner.run(wasm, { args: ['8', '4', '10'] })
    expect(again.timings.compileMs).toBe(0)
    expect(again.timings.runMs).toBeGreaterThan(0)
  })
})

describe('a worker runs the next program only after a clean exit', () => {
  /** A runner whose spawner counts the workers it starts and how many were terminated. */
  function countingRunner() {
    const counts = { spawned: 0, terminated: 0 }
    const counting = createWasiRunner(() => {
      counts.spawned++
      const worker = spawnNodeWorker()
      return { ...worker, terminate: () => {
        counts.terminated++
        worker.terminate()
      } }
    })
    return { runner: counting, counts }
  }

  it('clean runs share one worker; a trap, a timeout and the output cap each cost theirs', async () => {
    const { runner: r, counts } = countingRunner()
    try {
      for (const i of [1, 2, 3])
        expect((await r.run(committedWasm('exit-code'), { args: [String(i)] })).exitCode).toBe(i)
      expect(counts).toEqual({ spawned: 1, terminated: 0 })

      expect((await r.run(committedWasm('panic'), { stdin: '7' })).error?.kind).toBe('trap')
      expect(counts).toEqual({ spawned: 2, terminated: 1 }) // the trapped one, and a fresh one waiting
      const t0 = performance.now()
      expect((await r.run(committedWasm('forever'), { timeoutMs: 300 })).error?.kind).toBe('timeout')
      expect(performance.now() - t0).toBeLessThan(2000) // the fresh worker's clock started at "ready"
      expect((await r.run(committedWasm('flood'), { maxOutputBytes: 1000 })).error?.kind).toBe('output-limit')
      expect(counts).toEqual({ spawned: 4, terminated: 3 })

      // A kept worker still has a watchdog: its clock starts as the run is sent.
      expect((await r.run(committedWasm('exit-code'), { args: ['0'] })).exitCode).toBe(0)
      const t1 = performance.now()
      expect((await r.run(committedWasm('forever'), { timeoutMs: 300 })).error?.kind).toBe('timeout')
      expect(performance.now() - t1).toBeLessThan(2000)
    }
    finally {
      r.dispose()
    }
    expect(counts.terminated).toBe(counts.spawned)
  })

  it('warm starts a worker ahead that the first run takes; it does not start a second', async () => {
    const { runner: r, counts } = countingRunner()
    try {
      r.warm()
      r.warm()
      expect(counts.spawned).toBe(1)
      expect((await r.run(committedWasm('exit-code'), { args: ['5'] })).exitCode).toBe(5)
      r.warm() // the clean run's worker is kept idle: nothing to start
      expect(counts).toEqual({ spawned: 1, terminated: 0 })
      // Warmed while a run holds the worker: one idle worker afterwards, not two.
      // The program's output arrives while its run holds the worker.
      let warmedDuringRun = false
      const warm = () => {
        warmedDuringRun = true
        r.warm()
      }
      expect((await r.run(committedWasm('exit-code'), { args: ['6'], onStdout: warm, onStderr: warm })).exitCode).toBe(6)
      expect(warmedDuringRun).toBe(true)
      expect(counts).toEqual({ spawned: 2, terminated: 1 })
    }
    finally {
      r.dispose()
    }
    r.warm() // after dispose, nothing is started
    expect(counts).toEqual({ spawned: 2, terminated: 2 })
  })

  it('nothing of one run is left for the next: files, env and args are the new run\'s own', async () => {
    const { runner: r, counts } = countingRunner()
    try {
      const first = await r.run(committedWasm('read-file'), { args: ['secret.txt'], files: { 'secret.txt': 'from the first run\n' } })
      expect(text(first.stdout)).toContain('from the first run')
      const second = await r.run(committedWasm('read-file'), { args: ['secret.txt'] })
      expect(second.exitCode).toBe(2)
      expect(text(second.stdout)).not.toContain('from the first run')
      const env = await r.run(committedWasm('wasi-env'), { env: { ONLY: 'first' } })
      expect(text(env.stdout)).toContain('ONLY=first')
      const noEnv = await r.run(committedWasm('wasi-env'), {})
      expect(text(noEnv.stdout)).not.toContain('ONLY=first')
      expect(counts.spawned).toBe(1)
    }
    finally {
      r.dispose()
    }
  })
})

describe('named preopens', () => {
  const preopenLines = (out: Uint8Array) => text(out).split('\n').filter(l => l.startsWith('preopen'))

  it('are preopened from fd 3 in insertion order, under their names', async () => {
    const r = await runner.run(committedWasm('conformance-system'), { preopens: { 'zeta': {}, 'alpha': {}, 'out/dir': {} } })
    expect(preopenLines(r.stdout)).toEqual(['preopen fd 3: errno 0, "zeta"', 'preopen fd 4: errno 0, "alpha"', 'preopen fd 5: errno 0, "out/dir"', 'preopens end at fd 6'])
  })

  it('files is shorthand for the preopen "/", first; with neither, "/" is preopened empty', async () => {
    const both = await runner.run(committedWasm('conformance-system'), { files: { 'a.txt': 'a' }, preopens: { out: {} } })
    expect(preopenLines(both.stdout)).toEqual(['preopen fd 3: errno 0, "/"', 'preopen fd 4: errno 0, "out"', 'preopens end at fd 5'])
    expect(both.preopens).toEqual({ '/': { 'a.txt': new TextEncoder().encode('a') }, 'out': {} })
    const none = await runner.run(committedWasm('conformance-system'))
    expect(preopenLines(none.stdout)).toEqual(['preopen fd 3: errno 0, "/"', 'preopens end at fd 4'])
  })

  it('result.preopens holds what the program left: files, and empty directories as "dir/"', async () => {
    const r = await runner.run(committedWasm('preopens'), {
      args: ['reports/listing.txt'],
      preopens: { in: { 'b.txt': 'bee\n', 'a/': '', 'deep/x/y.txt': 'why' }, out: { 'empty/': '' } },
    })
    expect(r.error).toBeUndefined()
    expect(text(r.stdout)).toBe('3 entries in "in", listed in "out" as reports/listing.txt\n')
    expect(Object.keys(r.preopens!.in)).toEqual(['a/', 'b.txt', 'deep/x/y.txt'])
    expect(Object.keys(r.preopens!.out)).toEqual(['empty/', 'reports/listing.txt'])
    expect(text(r.preopens!.out['reports/listing.txt'])).toBe('a/\nb.txt\ndeep/\n')
  })

  it('a program that looks for a preopen the host did not give says so', async () => {
    const r = await runner.run(committedWasm('preopens'), { preopens: { in: {} } })
    expect(r.exitCode).toBe(2)
    expect(text(r.stderr)).toBe('preopens: no preopened directory named "out"\n')
  })

  it('bad preopens are a load error, not a crash', async () => {
    const twice = await runner.run(committedWasm('preopens'), { files: {}, preopens: { '/': {} } })
    expect(twice.error).toEqual({ kind: 'load', message: 'preopen "/" is given twice: by files and by preopens' })
    const file = await runner.run(committedWasm('preopens'), { preopens: { in: { 'a': 'x', 'a/b': 'y' } } })
    expect(file.error).toEqual({ kind: 'load', message: 'invalid file path "a/b": "a" is a file' })
    const up = await runner.run(committedWasm('preopens'), { preopens: { in: { '../x': 'y' } } })
    expect(up.error).toEqual({ kind: 'load', message: 'invalid file path "../x"' })
  })
})
