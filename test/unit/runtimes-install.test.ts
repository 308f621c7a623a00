// npm run runtimes:install: one module per runtime, pinned, a line per runtime, one line per
// failure, re-runnable; and the rows of the runtimes it installs, each tested when its runtime is
// installed here and otherwise skipped with the reason in the test's name.
import type { Installer } from '../../tooling/lib/runtime-installs'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { installers, installOne } from '../../tooling/lib/install-one'
import { installedDir, installHint, RUNTIMES_DIR, stampPath } from '../../tooling/lib/runtime-installs'

describe('npm run runtimes:install', () => {
  it('has one installer module per runtime, each with a pinned version', async () => {
    const all = await installers()
    expect(all.map(i => i.id)).toEqual(expect.arrayContaining(['viceroy', 'wamr', 'wasmtime']))
    for (const i of all)
      expect(i.pinned, i.id).toMatch(/\d+\.\d+\.\d+/)
  })

  it('installs into .runtimes/<id>/ with a stamp, skips it the next time, and a failure is one line that leaves nothing behind', async () => {
    const id = `test-fake-${process.pid}`
    let calls = 0
    const fake: Installer = {
      id,
      pinned: 'fake 1.0.0 (this test)',
      async install(dir, { run }) {
        calls++
        writeFileSync(join(dir, 'runtime'), 'ok')
        await run([process.execPath, '-e', 'console.log("building")'])
      },
    }
    const failing: Installer = {
      id: `${id}-broken`,
      pinned: 'broken 1.0.0 (this test)',
      async install(_dir, { run }) {
        await run([process.execPath, '-e', 'console.error("error: no such crate version"); process.exit(101)'])
      },
    }
    try {
      const first = await installOne(fake, () => {})
      expect(first).toEqual({ ok: true, line: expect.stringMatching(new RegExp(`^${id}: installed fake 1\\.0\\.0 \\(this test\\) in \\d+ s$`)) })
      expect(readFileSync(join(installedDir(id)!, 'runtime'), 'utf8')).toBe('ok')
      expect(readFileSync(join(RUNTIMES_DIR, `${id}.log`), 'utf8')).toContain('building')
      const again = await installOne(fake, () => {})
      expect(again.line).toMatch(/already installed/)
      expect(calls).toBe(1)

      const broken = await installOne(failing, () => {})
      expect(broken.ok).toBe(false)
      expect(broken.line).toMatch(new RegExp(`^${id}-broken: FAILED: .*exited 101: error: no such crate version`))
      expect(broken.line).not.toContain('\n')
      expect(installedDir(failing.id)).toBeUndefined()
      expect(existsSync(join(RUNTIMES_DIR, `${failing.id}.partial`))).toBe(false)
    }
    finally {
      for (const name of [id, `${id}.log`, `${id}-broken`, `${id}-broken.log`])
        rmSync(join(RUNTIMES_DIR, name), { recursive: true, force: true })
    }
  })

  it('a missing runtime gets one line saying how to install it', () => {
    expect(installHint('wasmtime')).toBe('wasmtime is not installed: run npm run runtimes:install -- wasmtime')
  })
})

describe('an installed runtime that hangs', () => {
  it('gets the deadline and SIGKILL of every run: each case fails with one line, and no process is left', async () => {
    const { installedProcess } = await import('../../tooling/sessions/installed-process')
    const { measure, references } = await import('../../tooling/sessions/compare')
    const id = `test-hang-${process.pid}`
    const marker = `hang-${process.pid}-${Date.now()}`
    mkdirSync(join(RUNTIMES_DIR, id), { recursive: true })
    writeFileSync(stampPath(id), JSON.stringify({ id, pinned: 'hang 0.0.0', date: new Date().toISOString(), seconds: 0 }))
    try {
      const hanging = installedProcess({
        id,
        name: 'Hanging runtime',
        engine: 'none',
        host: 'this test',
        verified: 'nothing',
        install: id,
        timeoutMs: 1500,
        argv: () => ['sh', '-c', `exec sleep 600 # ${marker}`],
        version: async () => '0.0.0',
      })
      const report = await measure(hanging, await references(), { timings: false })
      expect(report.status).toBe('failed')
      for (const r of report.results)
        expect(r, r.case).toMatchObject({ pass: false, detail: 'timed out' })
      const left = spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout.trim()
      expect(left).toBe('')
    }
    finally {
      rmSync(join(RUNTIMES_DIR, id), { recursive: true, force: true })
    }
  }, 120_000)
})
