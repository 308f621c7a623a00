// Code on a slide that is not a whole program lives in snippets/ and is imported with
// `<<<`. Each snippet is exercised here, the way the slide says to use it.
import { Buffer } from 'node:buffer'
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findOldZig, findZig, OLD_ZIG_COMMIT } from '../../tooling/lib/zig-toolchain.mjs'
import { committedWasm, runner } from '../helpers/node-runner'
import { root } from '../helpers/node-wasi'

/** Every snippet and the test below that runs it: a new snippet without a test fails here. */
const EXERCISED = ['build-exe.sh', 'greet-0.11.zig', 'greet-0.11-to-0.17.diff']
/** What a slide imports; greet-0.11.zig is on its slide through the diff made from it. */
const ON_A_SLIDE = ['build-exe.sh', 'greet-0.11-to-0.17.diff']

it('every snippet is exercised by a test, and every snippet is on a slide', () => {
  expect(readdirSync(join(root, 'snippets')).sort()).toEqual([...EXERCISED].sort())
  const slides = readFileSync(join(root, 'slides.md'), 'utf8')
  for (const name of ON_A_SLIDE)
    expect(slides).toContain(`<<< @/snippets/${name}`)
  expect(readFileSync(join(root, 'snippets/greet-0.11-to-0.17.diff'), 'utf8')).toContain('--- snippets/greet-0.11.zig\n')
})

const zig = findZig()
describe.skipIf('error' in zig)('snippets/build-exe.sh', () => {
  it('run in zig/ as the slide says, it builds a demo.wasm that behaves like the committed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snippet-build-exe-'))
    try {
      cpSync(join(root, 'zig/src/demo.zig'), join(dir, 'src/demo.zig'))
      const bin = 'bin' in zig ? zig.bin : 'zig'
      execFileSync('sh', [join(root, 'snippets/build-exe.sh')], {
        cwd: dir,
        env: { ...process.env, PATH: `${dirname(bin)}:${process.env.PATH}`, ZIG_GLOBAL_CACHE_DIR: join(dir, 'cache'), ZIG_LOCAL_CACHE_DIR: join(dir, 'cache') },
        stdio: 'pipe',
      })
      const built = new Uint8Array(readFileSync(join(dir, 'demo.wasm')))
      const input = { stdin: 'Hello, snippet!\nÜber alles.' }
      const [ours, committed] = [await runner.run(built, input), await runner.run(committedWasm('demo'), input)]
      expect(ours.exitCode).toBe(0)
      expect(Buffer.from(ours.stdout).toString('utf8')).toBe(Buffer.from(committed.stdout).toString('utf8'))
      expect(Buffer.from(ours.stdout).toString('utf8')).toContain('¡ʇǝddᴉus')
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 600_000)
})

// The version slide's "before": greet as the deck wrote it for Zig 0.11, beside today's zig/src/greet.zig.
describe('snippets/greet-0.11.zig', () => {
  it('is greet.zig as committed for Zig 0.11 (at the commit the 0.11-vs-0.17 bench builds)', () => {
    const old = execFileSync('git', ['show', `${OLD_ZIG_COMMIT}:zig/src/greet.zig`], { cwd: root })
    expect(readFileSync(join(root, 'snippets/greet-0.11.zig')).equals(old)).toBe(true)
  })

  // The slide shows the two as one diff: git's, of the two files as they are now.
  it('greet-0.11-to-0.17.diff is git\'s diff of greet-0.11.zig and zig/src/greet.zig (regenerate: see zig/README.md)', () => {
    const diff = spawnSync('git', ['diff', '--no-index', '--no-prefix', '-U3', 'snippets/greet-0.11.zig', 'zig/src/greet.zig'], { cwd: root, encoding: 'utf8' })
    // git's first two lines name the files and their blobs; the snippet starts at "--- ".
    const expected = diff.stdout.split('\n').slice(2).join('\n')
    expect(expected).toMatch(/^--- snippets\/greet-0\.11\.zig\n\+\+\+ zig\/src\/greet\.zig\n@@ /)
    expect(readFileSync(join(root, 'snippets/greet-0.11-to-0.17.diff'), 'utf8')).toBe(expected)
  })

  // Zig 0.11 is no dependency any more: this part runs where it is installed (ZIG_0_11).
  const oldZig = findOldZig()
  it.skipIf(!oldZig)('built by Zig 0.11, it prints what the 0.17 greet.wasm prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snippet-greet-'))
    try {
      cpSync(join(root, 'snippets/greet-0.11.zig'), join(dir, 'greet.zig'))
      execFileSync(oldZig!, ['build-exe', 'greet.zig', '-target', 'wasm32-wasi', '-O', 'ReleaseSmall', '--cache-dir', join(dir, 'cache')], { cwd: dir, stdio: 'pipe' })
      const [old, now] = [await runner.run(new Uint8Array(readFileSync(join(dir, 'greet.wasm')))), await runner.run(committedWasm('greet'))]
      expect(old.exitCode).toBe(0)
      expect(Buffer.from(old.stdout).toString('utf8')).toBe(Buffer.from(now.stdout).toString('utf8'))
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 600_000)
})
