// The Zig compiler as a wasm32-wasi module (public/zig-compiler/) compiles Zig under the
// deck's runner from Node (worker_threads), exactly as the page does it in a Web Worker:
// the output runs, edits are seen, errors come back with their line, and the limits hold.
import type { CompilerManifest } from '../../demos/browser/live-zig/zig-wasm-compiler'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readTar } from '../../demos/browser/live-zig/tar'
import { COMPILER_LIB, COMPILER_MANIFEST, COMPILER_WASM, createInPageCompiler } from '../../demos/browser/live-zig/zig-wasm-compiler'
import { createWasiRunner } from '../../demos/browser/runner/runner'
import { spawnNodeWorker } from '../../demos/browser/runner/spawn-node'
import { root } from '../helpers/node-wasi'

const dir = join(root, 'public/zig-compiler')
const manifest = JSON.parse(readFileSync(join(dir, COMPILER_MANIFEST), 'utf8')) as CompilerManifest
const wasm = readFileSync(join(dir, COMPILER_WASM))
const tar = readFileSync(join(dir, COMPILER_LIB))
const greet = readFileSync(join(root, 'zig/src/greet.zig'), 'utf8')
const text = (b: Uint8Array) => new TextDecoder().decode(b)

describe('the manifest describes the committed compiler files', () => {
  it('lists zig.wasm and lib.tar with their sizes and hashes; lib.tar holds the std files it names', () => {
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
    expect(manifest.files.map(f => [f.name, f.bytes, f.sha256])).toEqual([
      [COMPILER_WASM, wasm.length, sha(wasm)],
      [COMPILER_LIB, tar.length, sha(tar)],
    ])
    const lib = readTar(new Uint8Array(tar))
    expect(Object.keys(lib)).toHaveLength(manifest.libFiles)
    expect(Object.keys(lib)).toContain('std/std.zig')
    expect(Object.values(lib).reduce((n, b) => n + b.length, 0)).toBe(manifest.libSourceBytes)
  })
})

describe('zig.wasm compiles Zig under the runner (worker_threads)', () => {
  const runner = createWasiRunner(spawnNodeWorker)
  afterAll(() => runner.dispose())
  const compile = createInPageCompiler(runner, { module: new WebAssembly.Module(wasm), lib: readTar(new Uint8Array(tar)) })

  async function compileAndRun(source: string) {
    const result = await compile(source)
    if (!result.ok)
      throw new Error(result.output)
    const run = await runner.run(result.wasm, { programName: 'main' })
    return { ms: result.ms, stdout: text(run.stdout), exitCode: run.exitCode }
  }

  it('compiles an edited greet.zig whose module prints the edit; a same-size edit is seen too', async () => {
    const first = await compileAndRun(greet.replace('"Hello"', '"Howdy"'))
    expect(first.exitCode).toBe(0)
    expect(first.stdout).toBe('Howdy, Node!\nHowdy, Deno!\nHowdy, Bun!\nHowdy, workerd!\nHowdy, you!\n')
    // Same length, so only the content differs: the compiler's cache must not serve the old one.
    const second = await compileAndRun(greet.replace('"Hello"', '"Hiya!"'))
    expect(second.stdout).toBe('Hiya!, Node!\nHiya!, Deno!\nHiya!, Bun!\nHiya!, workerd!\nHiya!, you!\n')
    // The second compile reused the parsed std (the compiler's cache came back from the first).
    expect(second.ms).toBeLessThan(first.ms)
  }, 240_000)

  it('a type error comes back with its line and column', async () => {
    const broken = greet.replace('const greeting = "Hello";', 'const greeting: u32 = "Hello";')
    const line = broken.split('\n').findIndex(l => l.includes('const greeting: u32')) + 1
    const result = await compile(broken)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.diagnostics[0]).toMatchObject({ line, message: expect.stringContaining('expected type \'u32\'') })
  }, 120_000)

  it('an endless comptime loop stops at the eval branch quota', async () => {
    const result = await compile('pub fn main() void {\n    comptime var i: u32 = 0;\n    inline while (true) i += 1;\n}\n')
    expect(!result.ok && result.diagnostics[0]?.message).toMatch(/evaluation exceeded 1000 backwards branches/)
  }, 120_000)

  // Zig 0.11 keeps state for every comptime iteration, so this loop also grows memory: on a
  // fast machine the 512 MiB cap stops it before the 30 s watchdog, on a busy one the watchdog
  // does. Either way the reader gets one line saying which limit stopped it.
  it('an endless comptime loop that lifted its quota is stopped by the watchdog or the memory cap', async () => {
    const result = await compile('pub fn main() void {\n    @setEvalBranchQuota(0xffffffff);\n    comptime var i: u32 = 0;\n    inline while (true) i +%= 1;\n}\n')
    expect(!result.ok && result.output).toMatch(/^(?:The compiler was stopped after 30 s \(the watchdog\): an endless comptime loop\?|The compiler ran out of memory: it may use at most 512 MiB \(the limit\)\. A comptime memory bomb\?)$/)
  }, 120_000)

  it('a comptime memory bomb ends in the memory limit\'s message, and the next compile works', async () => {
    const bomb = `const std = @import("std");
pub fn main() void {
    const big = comptime blk: {
        @setEvalBranchQuota(1 << 30);
        var a: [1 << 26]u64 = undefined;
        for (&a, 0..) |*x, i| x.* = i;
        break :blk a;
    };
    std.debug.print("{d}\\n", .{big[5]});
}
`
    const result = await compile(bomb)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.output).toBe('The compiler ran out of memory: it may use at most 512 MiB (the limit). A comptime memory bomb?')
    expect((await compileAndRun(greet)).stdout).toContain('Hello, you!')
  }, 240_000)
})
