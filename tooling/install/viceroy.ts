// Viceroy: Fastly's local Compute runtime, built from crates.io with cargo (25 minutes or more
// on 2 cores). The build goes into a machine-wide cache (VICEROY_CACHE, default
// ~/.cache/zig-wasi-everywhere/viceroy, a `cargo install --root` folder) and is copied from
// there into .runtimes/viceroy: a second clone on the same machine copies it instead of
// building again. Its --version is checked before it is used.
import type { Installer } from '../lib/runtime-installs'
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'

export const VICEROY = '0.22.0'

/** Where the machine keeps its one build of the pinned Viceroy (see .ci/run). */
export const VICEROY_CACHE = process.env.VICEROY_CACHE ?? join(homedir(), '.cache/zig-wasi-everywhere/viceroy')

function versionOf(bin: string): string | undefined {
  try {
    return /\d+\.\d+\.\d+/.exec(execFileSync(bin, ['--version'], { encoding: 'utf8' }))?.[0]
  }
  catch {
    return undefined
  }
}

const installer: Installer = {
  id: 'viceroy',
  pinned: `viceroy ${VICEROY} (crates.io, cargo install --locked)`,
  async install(dir, { run, log }) {
    const cached = join(VICEROY_CACHE, 'bin/viceroy')
    if (existsSync(cached) && versionOf(cached) === VICEROY) {
      log(`copying this machine's build from ${cached}`)
    }
    else {
      log(`building with cargo into ${VICEROY_CACHE} (25 minutes or more on 2 cores)`)
      await run(['cargo', 'install', '--locked', '--quiet', `viceroy@${VICEROY}`, '--root', VICEROY_CACHE])
    }
    mkdirSync(join(dir, 'bin'))
    copyFileSync(cached, join(dir, 'bin/viceroy'))
    if (versionOf(join(dir, 'bin/viceroy')) !== VICEROY)
      throw new Error(`viceroy --version does not say ${VICEROY}`)
  },
}
export default installer
