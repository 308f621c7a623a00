// Runs a committed WASI 0.2 component (public/wasm/<name>.component.wasm) in its own
// process: through jco's transpiled JS on preview2-shim in Node (demos/node/run-component.mjs),
// or natively in wasmtime through wasmtime-py (demos/wasmtime/run-component.py).
import type { HostInput, HostRun } from './process-hosts.ts'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { root, wasmDir } from './paths.mjs'
import { runProcess } from './process-hosts.ts'

export const componentPath = (name: string) => join(wasmDir, `${name}.component.wasm`)

export type ComponentHost = 'node' | 'wasmtime'

/**
 * Where wasmtime-py is: WASMTIME_PYTHONPATH, `.runtimes/` (npm run runtimes:install), or the
 * python3's own packages. Undefined (with why) when none has `wasmtime.component`.
 */
export function findWasmtimePy(): { pythonPath: string } | { missing: string } {
  const candidates = [process.env.WASMTIME_PYTHONPATH, join(root, '.runtimes/python'), join(root, '.runtimes/wasmtime'), join(root, '.runtimes'), ''].filter((p): p is string => p !== undefined)
  for (const pythonPath of candidates) {
    if (pythonPath && !existsSync(pythonPath))
      continue
    try {
      execFileSync('python3', ['-c', 'import wasmtime.component'], { env: { ...process.env, PYTHONPATH: pythonPath }, stdio: 'ignore' })
      return { pythonPath }
    }
    catch {}
  }
  return { missing: 'wasmtime-py (PyPI wasmtime) is not installed: not in .runtimes/ (npm run runtimes:install), WASMTIME_PYTHONPATH or python3\'s packages' }
}

/** `timing`: the host times wasi:cli/run to its end (computeMs), as the module hosts time _start. */
export async function runComponent(host: ComponentHost, name: string, input: HostInput = {}, { timeoutMs = 20_000, timing = false } = {}): Promise<HostRun> {
  const dir = mkdtempSync(join(tmpdir(), `${host}-component-`))
  const timingFile = `${dir}.timing.json` // outside the folder the component gets as "/"
  try {
    for (const [path, data] of Object.entries(input.files ?? {})) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), data)
    }
    const flags = [...Object.entries(input.env ?? {}).flatMap(([k, v]) => ['--env', `${k}=${v}`]), ...(timing ? ['--timing', timingFile] : []), '--dir', dir, componentPath(name), ...(input.args ?? [])]
    let run: HostRun
    if (host === 'node') {
      run = await runProcess([process.execPath, '--no-warnings', join(root, 'demos/node/run-component.mjs'), ...flags], { stdin: input.stdin, timeoutMs })
    }
    else {
      const py = findWasmtimePy()
      if ('missing' in py)
        throw new Error(py.missing)
      run = await runProcess(['python3', join(root, 'demos/wasmtime/run-component.py'), ...flags], { stdin: input.stdin, timeoutMs, env: { PYTHONPATH: py.pythonPath } })
    }
    if (timing && existsSync(timingFile))
      run.computeMs = (JSON.parse(readFileSync(timingFile, 'utf8')) as { computeMs: number }).computeMs
    return run
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
    rmSync(timingFile, { force: true })
  }
}
