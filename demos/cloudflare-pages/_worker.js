// The slide's Worker as a Cloudflare Pages Function, in advanced mode: a Pages project
// whose output folder holds this _worker.js takes every request; POST /api/demo goes to
// the Worker (unchanged), everything else to the project's static files (env.ASSETS).
// npm run runtimes runs it in workerd with an ASSETS binding on ./public: not deployed.
import worker from '../cloudflare-worker/src/index.js'

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url)
    if (request.method === 'POST' && url.pathname === '/api/demo')
      return worker.fetch(request, env, ctx)
    return env.ASSETS.fetch(request)
  },
}
