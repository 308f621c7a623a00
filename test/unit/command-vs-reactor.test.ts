// The reactor and its command twin give the same answer, and the measurement says what
// a request costs each way.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { measureCommandVsReactor } from '../../demos/browser/runner/command-vs-reactor'
import { runNodeWasi, wasmPath } from '../helpers/node-wasi'

const compile = (name: string) => new WebAssembly.Module(readFileSync(wasmPath(name)))

describe('command vs reactor', () => {
  it('the command prints what the reactor returns, here and under node:wasi', async () => {
    const r = measureCommandVsReactor(compile('collatz'), compile('reactor'), 20, 27)
    expect(r.reactorAnswer).toBe(111)
    expect(r.commandAnswer).toBe('collatz(27) = 111 steps')
    const node = await runNodeWasi('collatz', { args: ['27'] })
    expect(node.stdout.toString('utf8')).toBe('collatz(27) = 111 steps\n')
  })

  it('a request to the command costs an instantiation; a call into the reactor does not', () => {
    const r = measureCommandVsReactor(compile('collatz'), compile('reactor'), 100)
    expect(r.commandMs).toBeGreaterThan(0)
    expect(r.reactorMs).toBeLessThan(r.commandMs)
  })
})
