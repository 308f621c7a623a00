// wasmtime: Wasmtime's engine (Cranelift) through its Python API, the host in demos/wasmtime/.
import { join } from 'node:path'
import { root } from '../lib/process-hosts.ts'
import { PYTHON } from '../lib/runtime-installs.ts'
import { installedProcess, versionFrom } from './installed-process.ts'

const host = join(root, 'demos/wasmtime/run_wasi.py')
const pythonEnv = (home: string) => ({ PYTHONPATH: home, PYTHONDONTWRITEBYTECODE: '1' })

export const wasmtimePy = installedProcess({
  id: 'wasmtime',
  name: 'wasmtime',
  engine: 'Cranelift (no JS)',
  host: 'demos/wasmtime/run_wasi.py',
  verified: 'Wasmtime\'s engine through its Python API (PyPI wasmtime), the host on the slide',
  install: 'wasmtime',
  timesCompute: true,
  env: pythonEnv,
  argv: ({ dir, input, wasm, timingFile }) => [
    PYTHON,
    host,
    '--dir',
    dir,
    ...Object.entries(input.env ?? {}).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
    ...(timingFile ? ['--timing', timingFile] : []),
    wasm,
    ...(input.args ?? []),
  ],
  version: home => versionFrom([PYTHON, host, '--version'], pythonEnv(home)),
})
