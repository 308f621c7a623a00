// Runs the Worker on the slide in real workerd (Cloudflare's open-source runtime)
// on 127.0.0.1: bundles src/index.js with esbuild, gives workerd the committed
// demo.wasm and workers-wasi's memfs.wasm as wasm modules, and stops it for sure.
//   node demos/cloudflare-worker/workerd-host.mjs [PORT]   (serves until Ctrl-C)
import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import process from 'node:process'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
/** The Worker's compatibility date, from its wrangler.json (workerd refuses one newer than its own build). */
const COMPATIBILITY_DATE = JSON.parse(readFileSync(join(here, 'wrangler.json'), 'utf8')).compatibility_date

export function workerdBinary() {
  return join(dirname(require.resolve('workerd/package.json')), 'bin', 'workerd')
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Bundles the Worker and writes a workerd config next to it. Returns the folder. */
export async function prepareWorker() {
  const dir = mkdtempSync(join(tmpdir(), 'workerd-'))
  await build({
    entryPoints: [join(here, 'src/index.js')],
    bundle: true,
    format: 'esm',
    external: ['*.wasm'],
    outfile: join(dir, 'worker.mjs'),
    logLevel: 'silent',
  })
  copyFileSync(join(here, 'src/demo.wasm'), join(dir, 'demo.wasm'))
  copyFileSync(join(dirname(require.resolve('@cloudflare/workers-wasi')), 'memfs.wasm'), join(dir, 'memfs.wasm'))
  writeFileSync(join(dir, 'config.capnp'), `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .demoWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);

const demoWorker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "demo.wasm", wasm = embed "demo.wasm"),
    (name = "memfs.wasm", wasm = embed "memfs.wasm"),
  ],
  compatibilityDate = "${COMPATIBILITY_DATE}",
);
`)
  return dir
}

/**
 * Starts workerd with the Worker. Resolves once it answers HTTP.
 * @returns {Promise<{ url: string, version: string, stop: () => Promise<void> }>} where it listens, its version, and how to stop it
 */
export async function startWorkerd({ port, startTimeoutMs = 20_000 } = {}) {
  const dir = await prepareWorker()
  const listen = port ?? await freePort()
  const child = spawn(workerdBinary(), ['serve', join(dir, 'config.capnp'), '--socket-addr', `http=127.0.0.1:${listen}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout.on('data', (c) => {
    log += c
  })
  child.stderr.on('data', (c) => {
    log += c
  })
  const exited = new Promise(resolve => child.once('exit', resolve))

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      // A busy loop in the Worker ignores SIGTERM: SIGKILL after a grace period.
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dir, { recursive: true, force: true })
  }

  const url = `http://127.0.0.1:${listen}/`
  const deadline = Date.now() + startTimeoutMs
  for (;;) {
    if (child.exitCode !== null)
      break
    try {
      await fetch(url, { method: 'POST', body: '' })
      const version = (await new Promise((resolve) => {
        const v = spawn(workerdBinary(), ['--version'])
        let out = ''
        v.stdout.on('data', (c) => {
          out += c
        })
        v.on('close', () => resolve(out.trim()))
      }))
      return { url, version, stop }
    }
    catch {
      if (Date.now() > deadline)
        break
      await new Promise(r => setTimeout(r, 100))
    }
  }
  await stop()
  throw new Error(`workerd did not start on ${url}:\n${log}`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url, version, stop } = await startWorkerd({ port: Number(process.argv[2] ?? 8787) })
  console.log(`${version}: the demo Worker listens on ${url} (try: curl --data-binary 'Hello, Zig!' ${url})`)
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => stop().then(() => process.exit(0)))
}
