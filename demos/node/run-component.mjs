// Node's component host: runs a WASI 0.2 command component, transpiled by jco
// (public/wasm/components/<name>/, see tooling/lib/components.mjs), on
// @bytecodealliance/preview2-shim's Node build. The same command line as run-wasi.mjs:
// node demos/node/run-component.mjs [--dir DIR] [--env K=V]... [--timing FILE] public/wasm/<name>.component.wasm [args...]
// (the flags: ../shared/host-args.mjs)
// --timing FILE (npm run runtimes): the time from calling wasi:cli/run to its end, into FILE.
// The shim reads and writes fds 0-2 itself. Its `exit` calls process.exit, which drops what
// is still queued for a piped stdout (Node writes pipes asynchronously): ours unwinds the
// program instead and lets Node end on its own. wasi:cli/exit carries ok or err, not a
// number: the exit code is 0 or 1. A trap is thrown out of `run`, as node:wasi's is.
/* eslint-disable node/prefer-global/process */
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as shim from '@bytecodealliance/preview2-shim'
import { hostArgs } from '../shared/host-args.mjs'
import { wasiImports } from '../shared/wasi-imports.mjs'

const { env, preopens, timing, wasmPath: componentPath, args } = hostArgs(process.argv.slice(2))
const name = basename(componentPath, '.component.wasm')
const transpiled = join(dirname(componentPath), 'components', name)

shim.cli._setArgs([name, ...args])
shim.cli._setEnv(env)
// @ts-expect-error -- the package's types are its browser build's; Node's takes host paths
shim.filesystem._setPreopens(preopens)
class Exit {
  /** @param {{ tag: 'ok' | 'err' }} status what wasi:cli/exit was given */
  constructor(status) {
    this.code = status.tag === 'err' ? 1 : 0
  }
}
const { instantiate } = await import(pathToFileURL(join(transpiled, `${name}.js`)).href)
const component = await instantiate(
  (/** @type {string} */ file) => WebAssembly.compile(readFileSync(join(transpiled, file))),
  { ...wasiImports(shim), 'wasi:cli/exit': { exit: (/** @type {{ tag: 'ok' | 'err' }} */ status) => { throw new Exit(status) } } },
)
const t0 = performance.now()
if (timing)
  process.on('exit', () => writeFileSync(timing, JSON.stringify({ computeMs: performance.now() - t0 })))
try {
  component.run.run()
}
catch (e) {
  if (!(e instanceof Exit))
    throw e
  process.exitCode = e.code
}
