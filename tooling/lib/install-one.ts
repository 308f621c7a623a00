// Finding the installers (one module per runtime in tooling/install/) and installing one of
// them: into .runtimes/<id>.partial/, renamed to .runtimes/<id>/ with its stamp only when it
// succeeded (see runtime-installs.ts for the contract). `npm run runtimes:install` runs them.
import type { Buffer } from 'node:buffer'
import type { InstallContext, Installer, InstallStamp } from './runtime-installs'
import { spawn } from 'node:child_process'
import { appendFileSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { oneLine } from './one-line'
import { installStamp, RUNTIMES_DIR, stampPath } from './runtime-installs'

export const INSTALLERS_DIR = fileURLToPath(new URL('../install/', import.meta.url))

/** Every installer in tooling/install/, by id. */
export async function installers(): Promise<Installer[]> {
  const files = readdirSync(INSTALLERS_DIR).filter(f => /\.ts$/.test(f)).sort()
  const found: Installer[] = []
  for (const file of files) {
    const mod = await import(pathToFileURL(join(INSTALLERS_DIR, file)).href) as { default?: Installer }
    if (!mod.default?.id || typeof mod.default.install !== 'function')
      throw new Error(`tooling/install/${file} has no default export of an Installer`)
    found.push(mod.default)
  }
  return found
}

function context(id: string, log: (line: string) => void): InstallContext {
  const logFile = join(RUNTIMES_DIR, `${id}.log`)
  return {
    log,
    run: (argv, options = {}) => new Promise<void>((resolve, reject) => {
      appendFileSync(logFile, `$ ${argv.join(' ')}\n`)
      const child = spawn(argv[0], argv.slice(1), { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
      let last = ''
      const keep = (chunk: Buffer) => {
        appendFileSync(logFile, chunk)
        const lines = chunk.toString('utf8').split('\n').map(l => l.trim()).filter(Boolean)
        if (lines.length)
          last = lines[lines.length - 1]
      }
      child.stdout!.on('data', keep)
      child.stderr!.on('data', keep)
      child.on('error', e => reject(new Error(`${argv[0]}: ${e.message}`)))
      child.on('close', code => (code === 0 ? resolve() : reject(new Error(`${argv[0]} exited ${code}: ${last} (log: .runtimes/${id}.log)`))))
    }),
  }
}

/** Installs one runtime unless it is installed with the same pin; returns its line. */
export async function installOne(inst: Installer, log = (s: string) => console.log(s)): Promise<{ ok: boolean, line: string }> {
  const stamp = installStamp(inst.id)
  if (stamp?.pinned === inst.pinned)
    return { ok: true, line: `${inst.id}: ${inst.pinned}: already installed (${stamp.date.slice(0, 10)}, took ${stamp.seconds} s)` }
  mkdirSync(RUNTIMES_DIR, { recursive: true })
  const dir = join(RUNTIMES_DIR, inst.id)
  const partial = `${dir}.partial`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial)
  writeFileSync(join(RUNTIMES_DIR, `${inst.id}.log`), '')
  log(`${inst.id}: installing ${inst.pinned}${stamp ? ` (replacing ${stamp.pinned})` : ''}…`)
  const t0 = performance.now()
  try {
    await inst.install(partial, context(inst.id, line => log(`  ${inst.id}: ${line}`)))
  }
  catch (e) {
    rmSync(partial, { recursive: true, force: true })
    return { ok: false, line: `${inst.id}: FAILED: ${oneLine(e)}` }
  }
  const seconds = Math.round((performance.now() - t0) / 1000)
  rmSync(dir, { recursive: true, force: true })
  renameSync(partial, dir)
  const done: InstallStamp = { id: inst.id, pinned: inst.pinned, date: new Date().toISOString(), seconds }
  writeFileSync(stampPath(inst.id), `${JSON.stringify(done, null, 2)}\n`)
  return { ok: true, line: `${inst.id}: installed ${inst.pinned} in ${seconds} s` }
}
