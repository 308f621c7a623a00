// The JVM rows: GraalWasm behind its Java host, and GraalJS + GraalWasm running the deck's
// runner core. Each runs only where `npm run runtimes:install -- graalvm` installed them, and
// is otherwise reported as skipped with the reason in its name.
import { Buffer } from 'node:buffer'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { findJdk25, GRAALVM_PROJECT, GRAALVM_VERSION, MAVEN_REPO } from '../../tooling/install/graalvm'
import { runProcess, wasmPath } from '../../tooling/lib/process-hosts'
import { installedDir } from '../../tooling/lib/runtime-installs'
import { CASES, CPU, measure, references } from '../../tooling/sessions/compare'
import { GRAALWASM_ENOENT } from '../../tooling/sessions/graalvm'
import { RUNTIMES } from '../../tooling/sessions/runtimes'

const rt = (id: string) => RUNTIMES.find(r => r.id === id)!
const skipped = (id: string) => (rt(id).available() ? ` (skipped: ${rt(id).available()})` : '')

describe('the JVM rows, GraalVM from Maven Central (npm run runtimes:install -- graalvm)', () => {
  it('pins one polyglot version in pom.xml for every GraalVM artifact and every Maven plugin', () => {
    const pom = readFileSync(join(GRAALVM_PROJECT, 'pom.xml'), 'utf8')
    expect(GRAALVM_VERSION).toMatch(/^\d+\.\d+\.\d+$/)
    const graal = [...pom.matchAll(/<groupId>org\.graalvm[^<]*<\/groupId>\s*<artifactId>[^<]+<\/artifactId>\s*<version>([^<]+)<\/version>/g)].map(m => m[1])
    expect(graal.length).toBeGreaterThanOrEqual(4)
    expect(new Set(graal)).toEqual(new Set(['$' + '{graalvm.version}'])) // the property, never a literal version
    for (const plugin of pom.matchAll(/<plugin>\s*<artifactId>([^<]+)<\/artifactId>\s*(<version>)?/g))
      expect(plugin[2], `${plugin[1]} has no pinned version`).toBe('<version>')
  })

  it.skipIf(rt('graalwasm').available())(`GraalWasm: every case matches node:wasi byte for byte, except the one it says it cannot run, and why${skipped('graalwasm')}`, async () => {
    const report = await measure(rt('graalwasm'), await references(), { timings: false })
    expect(report.status, report.message ?? JSON.stringify(report.results.filter(r => !r.pass && !r.cannot))).toBe('verified')
    expect(report.version).toMatch(new RegExp(`^${GRAALVM_VERSION.replace(/\./g, '\\.')} on `))
    expect(report.results.map(r => r.case)).toEqual(CASES.map(c => c.id))
    expect(report.results.filter(r => !r.pass)).toEqual([{ case: 'read-file: missing (exit 2)', pass: false, detail: 'stderr lacks the program\'s message', cannot: GRAALWASM_ENOENT }])
  }, 1_800_000) // JVM_VERIFY_DEADLINE_MS, as a literal: vitest reads it before the sessions' module is initialised

  it.skipIf(rt('graaljs').available())(`GraalJS + GraalWasm: the runner core in GraalJS gives node:wasi's bytes on every case${skipped('graaljs')}`, async () => {
    const report = await measure(rt('graaljs'), await references(), { timings: false })
    expect(report.status, report.message ?? JSON.stringify(report.results.filter(r => !r.pass))).toBe('verified')
    expect(report.results.map(r => [r.case, r.pass])).toEqual(CASES.map(c => [c.id, true]))
  }, 1_800_000) // JVM_VERIFY_DEADLINE_MS, as a literal: vitest reads it before the sessions' module is initialised

  it.skipIf(rt('graalwasm').available())(`both hosts time mandelbrot's _start inside the JVM, on the same output as node:wasi${skipped('graalwasm')}`, async () => {
    const refs = await references([CPU])
    for (const id of ['graalwasm', 'graaljs']) {
      const session = await rt(id).open()
      try {
        const got = await session.fresh(CPU)
        expect(Buffer.from(got.stdout).equals(refs.get(CPU.id)!.stdout), `${id}: ${got.failure ?? got.stderr.toString()}`).toBe(true)
        expect(got.computeMs, id).toBeGreaterThan(0)
      }
      finally {
        await session.close()
      }
    }
  }, 1_200_000)

  it.skipIf(rt('graalwasm').available())(`a JVM past its deadline is SIGKILLed: one line, no java process left${skipped('graalwasm')}`, async () => {
    const home = installedDir('graalvm')!
    const jdk = findJdk25()!
    const got = await runProcess([join(jdk, 'bin/java'), '-XX:+UnlockExperimentalVMOptions', '-XX:+EnableJVMCI', `--upgrade-module-path=${join(home, 'compiler')}`, '--module-path', `${join(home, 'hosts.jar')}:${join(home, 'wasm-lib')}`, '--module', 'talk.graalvm/talk.graalvm.WasiHost', wasmPath('mandelbrot'), '400', '400', '1000000'], { timeoutMs: 3000 })
    expect(got.timedOut).toBe(true)
    const left = spawnSync('pgrep', ['-f', 'mandelbrot.wasm 400 400 1000000'], { encoding: 'utf8' }).stdout.trim()
    expect(left).toBe('')
  }, 60_000)

  it.skipIf(!installedDir('graalvm') || !findJdk25())('once fetched, the hosts build offline (mvn -o) from the project\'s Maven repository', () => {
    const out = mkdtempSync(join(tmpdir(), 'graalvm-offline-'))
    try {
      const build = spawnSync('mvn', ['--batch-mode', '--quiet', '--offline', `-Dmaven.repo.local=${MAVEN_REPO}`, `-Dgraalvm.out=${out}`, `-Dgraalvm.build=${join(out, 'build')}`, '-f', join(GRAALVM_PROJECT, 'pom.xml'), 'package'], {
        encoding: 'utf8',
        env: { ...process.env, JAVA_HOME: findJdk25()!, MAVEN_OPTS: '--sun-misc-unsafe-memory-access=allow' },
      })
      expect(build.status, build.stdout + build.stderr).toBe(0)
      expect(existsSync(join(out, 'hosts.jar'))).toBe(true)
      expect(existsSync(join(out, 'wasm-lib', `wasm-language-${GRAALVM_VERSION}.jar`))).toBe(true)
      expect(existsSync(join(out, 'js-lib', `js-language-${GRAALVM_VERSION}.jar`))).toBe(true)
      expect(existsSync(join(out, 'compiler', `compiler-${GRAALVM_VERSION}.jar`))).toBe(true)
    }
    finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 300_000)
})
