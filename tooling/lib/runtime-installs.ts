// The runtimes npm does not bring (a pip package, a cargo build, a Maven build): where
// `npm run runtimes:install` puts them and how the rest of the tooling finds them.
//
// Each runtime is one small module in tooling/install/<id>.ts whose default export is an
// Installer. It installs one pinned version into .runtimes/<id>/ (gitignored): the script
// gives it an empty folder, .runtimes/<id>.partial/, and renames it to .runtimes/<id>/ with a
// stamp (.installed.json) only when install() returned, so a failed or killed install
// leaves nothing that looks installed, and a re-run skips what is stamped with the same pin.
import type { SpawnOptions } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { root } from './paths.mjs'

export const RUNTIMES_DIR = join(root, '.runtimes')

export interface Installer {
  /** The folder under .runtimes/ and the name on the command line (npm run runtimes:install -- <id>). */
  id: string
  /** What gets installed, pinned, in words: "wasmtime 50.0.1 (PyPI wasmtime, pip --target)". */
  pinned: string
  /** Installs into `dir` (empty, created by the caller). Throws an Error whose message is one line on failure. */
  install: (dir: string, ctx: InstallContext) => Promise<void>
}

export interface InstallContext {
  /** Runs a command, its output appended to .runtimes/<id>.log; rejects with the command's last line. */
  run: (argv: string[], options?: SpawnOptions) => Promise<void>
  /** A progress line under the runtime's own. */
  log: (line: string) => void
}

export interface InstallStamp {
  id: string
  pinned: string
  /** ISO date of the install and how long it took. */
  date: string
  seconds: number
}

export const stampPath = (id: string) => join(RUNTIMES_DIR, id, '.installed.json')

export function installStamp(id: string): InstallStamp | undefined {
  try {
    return JSON.parse(readFileSync(stampPath(id), 'utf8')) as InstallStamp
  }
  catch {
    return undefined
  }
}

/** The folder of an installed runtime, or undefined when `npm run runtimes:install` did not install it (yet). */
export function installedDir(id: string): string | undefined {
  return installStamp(id) ? join(RUNTIMES_DIR, id) : undefined
}

/** The one line a missing runtime gets from npm run runtimes (and a test's skip reason). */
export function installHint(id: string, name = id): string {
  return `${name} is not installed: run npm run runtimes:install -- ${id}`
}

/** A file inside an installed runtime's folder when it exists. */
export function installedFile(id: string, ...path: string[]): string | undefined {
  const dir = installedDir(id)
  const file = dir && join(dir, ...path)
  return file && existsSync(file) ? file : undefined
}

/** Python with a `pip --target` folder on its path (the wasmtime host, WAMR's wheels). */
export const PYTHON = process.env.PYTHON ?? 'python3'
