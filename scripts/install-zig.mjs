// postinstall: brings Zig into .zig/ with pip from PyPI (`ziglang`, the official Zig
// binary and its lib/ packed as a wheel), pinned to ZIG_RELEASE. pip writes only into
// that folder (--target), nothing into any site-packages. Skips when .zig/ already holds
// that version. When Python, pip or the registry is missing it prints one line and
// succeeds: the deck runs from the committed modules without Zig.
import { spawnSync } from 'node:child_process'
import { existsSync, renameSync, rmSync } from 'node:fs'
import process from 'node:process'
import { projectZig, versionOf, ZIG_RELEASE, zigInstallDir } from '../tooling/lib/zig-toolchain.mjs'

/** @returns {string | undefined} why Zig could not be installed, or undefined when it was */
function install() {
  const staging = `${zigInstallDir}.partial`
  rmSync(staging, { recursive: true, force: true })
  const pip = spawnSync('python3', ['-m', 'pip', 'install', '--target', staging, `ziglang==${ZIG_RELEASE}`, '--no-deps', '--quiet', '--disable-pip-version-check', '--no-input', '--timeout', '30', '--retries', '2'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PIP_REQUIRE_VIRTUALENV: '0', PIP_USER: '0' },
  })
  if (pip.error)
    return /** @type {NodeJS.ErrnoException} */ (pip.error).code === 'ENOENT' ? 'python3 is not on PATH' : `python3 did not run (${pip.error.message})`
  if (pip.status !== 0) {
    rmSync(staging, { recursive: true, force: true })
    const lines = `${pip.stderr}\n${pip.stdout}`.split('\n').map(l => l.trim()).filter(Boolean)
    if (lines.some(l => /No module named pip/.test(l)))
      return 'pip is missing (python3 -m pip: No module named pip)'
    const error = lines.find(l => l.startsWith('ERROR:')) ?? lines.at(-1) ?? `pip exited with ${pip.status}`
    return `pip could not fetch ziglang==${ZIG_RELEASE} (${error.replace(/^ERROR:\s*/, '')})`
  }
  rmSync(zigInstallDir, { recursive: true, force: true })
  renameSync(staging, zigInstallDir)
  const version = versionOf(projectZig)
  return version === ZIG_RELEASE ? undefined : `the installed compiler reports ${version ?? 'nothing'}, not ${ZIG_RELEASE}`
}

if (existsSync(projectZig) && versionOf(projectZig) === ZIG_RELEASE) {
  console.log(`postinstall: Zig ${ZIG_RELEASE} already in .zig/`)
}
else {
  const started = performance.now()
  const failure = install()
  if (failure)
    console.log(`Zig not installed: ${failure}; the deck runs from the committed modules; Live Zig's compile and \`npm run build:wasm\` need it`)
  else
    console.log(`postinstall: Zig ${ZIG_RELEASE} installed in .zig/ from PyPI in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
