// The WASI 0.2 components (npm run build:wasm: jco's preview 1 adapter around our modules)
// give the preview 1 module's output byte for byte: in Node through jco's transpiled JS
// on preview2-shim, and natively in wasmtime (wasmtime-py) where it is installed.
import type { ComponentHost } from '../../tooling/lib/component-hosts'
import type { HostRun } from '../helpers/node-wasi'
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseStdin, COMPONENT_CASES, componentExitCode } from '../../demos/shared/component-cases'
import { findFirefox, openBrowserHarness } from '../../tooling/harness/open-harness'
import { findWasmtimePy, runComponent } from '../../tooling/lib/component-hosts'
import { COMPONENT_PROGRAMS } from '../../tooling/lib/components.mjs'
import { runHost } from '../../tooling/lib/process-hosts'
import { manifestPath, root } from '../helpers/node-wasi'

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

describe('the manifest describes the committed components', () => {
  it('lists each component and its transpiled files with size, gzip size, hash and WIT interfaces', () => {
    expect(manifest.components.map((c: { name: string }) => c.name)).toEqual(COMPONENT_PROGRAMS)
    for (const c of manifest.components) {
      const bytes = readFileSync(join(root, 'public', c.file))
      expect(c.bytes).toBe(bytes.length)
      expect(c.sha256).toBe(sha256(bytes))
      expect(c.gzipBytes).toBeLessThan(c.bytes)
      expect(c.adapterBytes).toBe(c.bytes - readFileSync(join(root, 'public', c.module)).length)
      expect(c.exports).toEqual(['wasi:cli/run@0.2.12'])
      expect(c.imports).toContain('wasi:cli/stdout@0.2.12')
      for (const t of c.transpiled)
        expect(sha256(readFileSync(join(root, 'public', t.file))), t.file).toBe(t.sha256)
    }
  })
})

/** The program's own stderr: what comes before the host's report of a trap (a stack trace, or wasmtime's line). */
function programStderr(run: HostRun): string {
  const text = run.stderr.toString('utf8')
  const at = text.search(/^(wasm:\/\/|wasm trap:|RuntimeError|file:\/\/)/m)
  return at < 0 ? text : text.slice(0, at)
}

const wasmtime = findWasmtimePy()
const hosts: Array<{ host: ComponentHost, skip: string | false }> = [
  { host: 'node', skip: false },
  { host: 'wasmtime', skip: 'missing' in wasmtime ? wasmtime.missing : false },
]

for (const { host, skip } of hosts) {
  describe.skipIf(skip)(`components in ${host}${skip ? ` (skipped: ${skip})` : ''} against the modules under node:wasi`, () => {
    for (const c of COMPONENT_CASES) {
      it(c.label, async () => {
        const input = { stdin: caseStdin(c), args: c.args, files: c.files }
        // A stuck program is killed at the deadline: long enough for a loaded machine to start Node and print the first line.
        const timeoutMs = c.ends === 'timeout' ? 10_000 : 60_000
        const [module, component] = await Promise.all([
          runHost('node', c.program, input, { timeoutMs }),
          runComponent(host, c.program, input, { timeoutMs }),
        ])
        expect(component.stdout.equals(module.stdout), 'stdout').toBe(true)
        expect(programStderr(component)).toBe(programStderr(module))
        if (c.ends === 'timeout') {
          expect(component.timedOut).toBe(true)
          return
        }
        if (c.ends === 'trap') {
          expect(module.stderr.toString()).toMatch(/RuntimeError: unreachable/)
          expect(component.stderr.toString()).toMatch(/wasm trap: wasm `unreachable` instruction executed/)
          return
        }
        expect(component.exitCode).toBe(componentExitCode(module.exitCode!))
      }, 120_000)
    }
  })
}

// In a browser: the component runner's Web Worker (jco's JS + preview2-shim's browser build),
// with the runner's watchdog, against the module under node:wasi.
const browsers = [
  { browser: 'chromium' as const, skip: false as string | false },
  { browser: 'firefox' as const, skip: findFirefox() ? false : 'Firefox ESR is not installed (apt-get install -y firefox-esr)' },
]
for (const { browser, skip } of browsers) {
  describe.skipIf(skip)(`components in ${browser}'s Web Worker against the modules under node:wasi`, () => {
    let harness: Awaited<ReturnType<typeof openBrowserHarness>>
    beforeAll(async () => {
      harness = await openBrowserHarness(browser)
    }, 120_000)
    afterAll(() => harness?.close())

    for (const c of COMPONENT_CASES) {
      it(c.label, async () => {
        const stdin = typeof c.stdin === 'string' ? new TextEncoder().encode(c.stdin) : c.stdin // stdinBytes: made in the page
        const timeoutMs = c.ends === 'timeout' ? 2000 : 60_000
        const module = await runHost('node', c.program, { stdin: caseStdin(c), args: c.args, files: c.files }, { timeoutMs: c.ends === 'timeout' ? 10_000 : 60_000 })
        const component = await harness.run({ program: c.program, component: true, args: c.args, files: c.files, stdin: stdin ? [...stdin] : [], stdinBytes: c.stdinBytes, hashStdout: c.stdinBytes !== undefined, timeoutMs })
        if (component.stdoutSha256)
          expect(component.stdoutSha256, 'stdout').toBe(sha256(module.stdout))
        else
          expect(Buffer.from(component.stdout).equals(module.stdout), 'stdout').toBe(true)
        expect(new TextDecoder().decode(component.stderr)).toBe(programStderr(module))
        if (c.ends === 'timeout') {
          expect(component.error?.kind).toBe('timeout')
          return
        }
        if (c.ends === 'trap') {
          // jco words V8's trap like wasmtime; SpiderMonkey's keeps its own words ("unreachable executed").
          expect(component.error?.kind).toBe('trap')
          expect(component.error?.message).toMatch(/^wasm trap: .*unreachable/)
          return
        }
        expect(component.error).toBeUndefined()
        expect(component.exitCode).toBe(componentExitCode(module.exitCode!))
      }, 120_000)
    }
  })
}

it('the Node component host is in the repository', () => {
  expect(existsSync(join(root, 'demos/node/run-component.mjs'))).toBe(true)
})
