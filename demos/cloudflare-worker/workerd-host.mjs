// Runs the Worker on the slide in real workerd (Cloudflare's open-source runtime)
// on 127.0.0.1: bundles src/index.js with esbuild, gives workerd the committed
// demo.wasm and workers-wasi's memfs.wasm as wasm modules, and stops it for sure.
//   node demos/cloudflare-worker/workerd-host.mjs [PORT]   (serves until Ctrl-C)
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { wasmDir } from '../../tooling/lib/paths.mjs'
import { freePort, startServer } from '../../tooling/lib/spawn-probe.mjs'
import { spawnWatched } from '../../tooling/lib/spawn-watched.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
/** workerd refuses a compatibility date newer than its own build. */
const COMPATIBILITY_DATE = JSON.parse(readFileSync(join(here, 'wrangler.json'), 'utf8')).compatibility_date

export function workerdBinary() {
  return join(dirname(require.resolve('workerd/package.json')), 'bin', 'workerd')
}

/** @type {Promise<string> | undefined} */
let version
function workerdVersion() {
  version ??= (async () => {
    const v = spawnWatched([workerdBinary(), '--version'], { deadlineMs: 20_000 })
    await v.closed
    return v.stdout().toString('utf8').trim() || 'workerd (version unknown)'
  })()
  return version
}

/** @param {string} name */
const publicWasm = name => join(wasmDir, name)

/**
 * What workerd can run: the slide's Worker ('worker'), its variant that takes any committed
 * module and case from the request ('cases', src/cases.js), or the same Worker as a Cloudflare
 * Pages Function in advanced mode ('pages', ../cloudflare-pages/_worker.js, with an ASSETS binding).
 */
/** @type {Record<WorkerVariant, { entry: string, wasm: Record<string, string>, assets?: string }>} */
const VARIANTS = {
  worker: { entry: join(here, 'src/index.js'), wasm: { 'demo.wasm': join(here, 'src/demo.wasm') } },
  cases: {
    entry: join(here, 'src/cases.js'),
    wasm: Object.fromEntries(['demo', 'wasi-env', 'read-file', 'exit-code', 'mandelbrot', 'flood', 'panic']
      .map(name => [`wasm/${name}.wasm`, publicWasm(`${name}.wasm`)])),
  },
  pages: { entry: join(here, '../cloudflare-pages/_worker.js'), wasm: { 'demo.wasm': join(here, 'src/demo.wasm') }, assets: join(here, '../cloudflare-pages/public') },
}

/** @typedef {'worker' | 'cases' | 'pages'} WorkerVariant */

/**
 * Bundles a Worker (esbuild, once) and writes a workerd config next to it. Returns the folder.
 * @param {WorkerVariant} [variant]
 */
export async function prepareWorker(variant = 'worker') {
  const { entry, wasm, assets } = VARIANTS[variant]
  const dir = mkdtempSync(join(tmpdir(), 'workerd-'))
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    external: ['*.wasm'],
    outfile: join(dir, 'worker.mjs'),
    logLevel: 'silent',
  })
  const modules = { ...wasm, 'memfs.wasm': join(dirname(require.resolve('@cloudflare/workers-wasi')), 'memfs.wasm') }
  for (const [name, from] of Object.entries(modules)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    copyFileSync(from, join(dir, name))
  }
  writeFileSync(join(dir, 'config.capnp'), `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .demoWorker)${assets ? `, (name = "assets", disk = "${assets}")` : ''} ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);

const demoWorker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
${Object.keys(modules).map(name => `    (name = "${name}", wasm = embed "${name}"),`).join('\n')}
  ],
  compatibilityDate = "${COMPATIBILITY_DATE}",${assets ? '\n  bindings = [ (name = "ASSETS", service = "assets") ],' : ''}
);
`)
  return dir
}

/**
 * Starts workerd with a Worker. Resolves once it answers HTTP (a POST to `probe`).
 * `prepared`: a folder from prepareWorker(), reused and left in place (no bundling here).
 * @param {{ port?: number, startTimeoutMs?: number, variant?: WorkerVariant, prepared?: string, probe?: string, probeBody?: string }} [options] where to listen (a free port by default), how long to wait, which Worker, and what to POST until it answers
 * @returns {Promise<{ url: string, version: string, firstAnswerMs: number, stop: () => Promise<void> }>} where it listens, its version, the first answer's time, and how to stop it
 */
export async function startWorkerd({ port, startTimeoutMs = 20_000, variant = 'worker', prepared, probe = '/', probeBody = '' } = {}) {
  const dir = prepared ?? await prepareWorker(variant)
  const listen = port ?? await freePort()
  try {
    // A busy loop in the Worker ignores SIGTERM: stop() sends SIGKILL after 2 s.
    const server = await startServer([workerdBinary(), 'serve', join(dir, 'config.capnp'), '--socket-addr', `http=127.0.0.1:${listen}`], {
      port: listen,
      probe,
      body: probeBody,
      timeoutMs: startTimeoutMs,
      graceMs: 2000,
    })
    const stop = async () => {
      await server.stop()
      if (!prepared)
        rmSync(dir, { recursive: true, force: true })
    }
    return { url: server.url, version: await workerdVersion(), firstAnswerMs: server.firstAnswerMs, stop }
  }
  catch (e) {
    if (!prepared)
      rmSync(dir, { recursive: true, force: true })
    throw e
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url, version, stop } = await startWorkerd({ port: Number(process.argv[2] ?? 8787) })
  console.log(`${version}: the demo Worker listens on ${url} (try: curl --data-binary 'Hello, Zig!' ${url})`)
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => stop().then(() => process.exit(0)))
}
