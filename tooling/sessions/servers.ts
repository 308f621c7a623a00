// Runtimes reached as a server process POSTed to: the Deno.serve entry, and workerd with the
// slide's Worker, its variant that takes every case, and the Pages Function.
import type { Case, RuntimeDef } from './session.ts'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { prepareWorker, startWorkerd } from '../../demos/cloudflare-worker/workerd-host.mjs'
import { root, runtimeBinary, runtimeVersion } from '../lib/process-hosts.ts'
import { freePort, startServer } from '../lib/spawn-probe.mjs'
import { onFreshServer, post, postToSlideWorker, startUpMs } from './http.ts'
import { bytesOf, HTTP_DEADLINE_MS } from './session.ts'

export const denoServe: RuntimeDef = {
  id: 'deno-serve',
  name: 'Deno.serve entry',
  engine: 'V8',
  host: 'demos/deno-deploy/main.ts',
  verified: 'the Deno.serve entry, served locally by deno and POSTed to',
  available: () => (runtimeBinary('deno') ? undefined : 'deno is not installed: run npm install'),
  async open() {
    const deno = runtimeBinary('deno')!
    const argv = (port: number) => [deno, 'run', '--quiet', '--no-prompt', `--allow-net=127.0.0.1:${port}`, `--allow-read=${root}`, join(root, 'demos/deno-deploy/main.ts'), String(port)]
    const servers: Array<{ stop: () => Promise<void> }> = []
    const boot = async (hello: Case) => {
      const port = await freePort()
      const s = await startServer(argv(port), { port, probe: `/run/${hello.program}`, body: bytesOf(hello.input.stdin), attemptMs: HTTP_DEADLINE_MS })
      servers.push(s)
      return s
    }
    const hello: Case = { id: 'probe', program: 'demo', input: { stdin: '' } }
    const main = await boot(hello)
    return {
      version: await runtimeVersion('deno'),
      run: c => post(main.url, c),
      start: c => startUpMs(() => boot(c)),
      fresh: c => onFreshServer(() => boot(hello), url => post(url, c)),
      async close() {
        await Promise.all(servers.map(s => s.stop()))
      },
    }
  },
}

const WORKER_PROGRAMS = ['demo']
const WORKER_WHY = 'the Worker on the slide runs demo.wasm on the request body; nothing else'

export const workerd: RuntimeDef = {
  id: 'workerd',
  name: 'workerd (Cloudflare Workers)',
  engine: 'V8',
  host: 'demos/cloudflare-worker/src/index.js, src/cases.js',
  verified: 'the slide\'s Worker (demo) and a variant Worker that takes args, env and files from the request (every case), in local workerd',
  alsoVia: { label: 'the slide\'s Worker', programs: WORKER_PROGRAMS },
  available: () => undefined,
  async open() {
    // Bundled once (esbuild), before any timing.
    const [slideDir, casesDir] = await Promise.all([prepareWorker('worker'), prepareWorker('cases')])
    const running: Array<{ stop: () => Promise<void> }> = []
    try {
      const cases = await startWorkerd({ variant: 'cases', prepared: casesDir, probe: '/run/demo' })
      running.push(cases)
      const slide = await startWorkerd({ variant: 'worker', prepared: slideDir })
      running.push(slide)
      return {
        version: cases.version.replace(/^workerd /, ''),
        async run(c, via) {
          if (via === undefined)
            return post(cases.url, c)
          return postToSlideWorker(slide.url, '/', c)
        },
        start: hello => startUpMs(() => startWorkerd({ variant: 'worker', prepared: slideDir, probeBody: String(hello.input.stdin) })),
        fresh: c => onFreshServer(() => startWorkerd({ variant: 'cases', prepared: casesDir, probe: '/run/demo' }), url => post(url, c)),
        async close() {
          await Promise.all(running.map(w => w.stop()))
          rmSync(slideDir, { recursive: true, force: true })
          rmSync(casesDir, { recursive: true, force: true })
        },
      }
    }
    catch (e) {
      await Promise.all(running.map(w => w.stop()))
      throw e
    }
  },
}

export const pages: RuntimeDef = {
  id: 'pages',
  name: 'Pages Function (_worker.js)',
  engine: 'V8',
  host: 'demos/cloudflare-pages/_worker.js',
  verified: 'the same Worker as an advanced-mode Pages Function, in local workerd with an ASSETS binding',
  only: { programs: WORKER_PROGRAMS, why: WORKER_WHY },
  available: () => undefined,
  async open() {
    const dir = await prepareWorker('pages')
    const running: Array<{ stop: () => Promise<void> }> = []
    try {
      const main = await startWorkerd({ variant: 'pages', prepared: dir, probe: '/api/demo' })
      running.push(main)
      // The project's static files come through env.ASSETS.
      const page = await fetch(new URL('/index.html', main.url), { signal: AbortSignal.timeout(HTTP_DEADLINE_MS) })
      if (!page.ok || !(await page.text()).includes('/api/demo'))
        throw new Error(`the Pages project's index.html did not come through env.ASSETS (HTTP ${page.status})`)
      return {
        version: main.version.replace(/^workerd /, ''),
        run: c => postToSlideWorker(main.url, '/api/demo', c),
        start: hello => startUpMs(() => startWorkerd({ variant: 'pages', prepared: dir, probe: '/api/demo', probeBody: String(hello.input.stdin) })),
        // The slide's Worker reports no compute time.
        fresh: c => onFreshServer(() => startWorkerd({ variant: 'pages', prepared: dir, probe: '/api/demo' }), url => postToSlideWorker(url, '/api/demo', c)),
        async close() {
          await Promise.all(running.map(w => w.stop()))
          rmSync(dir, { recursive: true, force: true })
        },
      }
    }
    catch (e) {
      await Promise.all(running.map(w => w.stop()))
      rmSync(dir, { recursive: true, force: true })
      throw e
    }
  },
}
