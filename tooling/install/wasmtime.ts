// wasmtime: Wasmtime's engine through its Python API, the wheel from PyPI (it ships the
// engine's shared library, no build), for the host in demos/wasmtime/.
import type { Installer } from '../lib/runtime-installs'
import process from 'node:process'
import { PYTHON } from '../lib/runtime-installs'

export const WASMTIME_PY = '50.0.1'

const installer: Installer = {
  id: 'wasmtime',
  pinned: `wasmtime ${WASMTIME_PY} (PyPI wasmtime, pip --target)`,
  async install(dir, { run }) {
    await run([PYTHON, '-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-input', '--target', dir, `wasmtime==${WASMTIME_PY}`])
    await run([PYTHON, '-c', 'import wasmtime; wasmtime.Engine()'], { env: { ...process.env, PYTHONPATH: dir } })
  },
}
export default installer
