// A static server for the built deck, as a static host would serve it: files
// from dist/ under a base path, index.html for the deck's routes (deep links),
// and .wasm as application/wasm. (npm run preview: scripts/preview.mjs)
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
}

/**
 * Starts the server; resolves once it listens.
 * @param {{ dir?: string, base?: string, port?: number, host?: string }} [options] what to serve, under which base path, where
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} the deck's URL, and how to stop serving
 */
export function serveDist({ dir = 'dist', base = '/', port = 0, host = '127.0.0.1' } = {}) {
  const root = resolve(dir)
  const prefix = base.endsWith('/') ? base : `${base}/`
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let path = decodeURIComponent(url.pathname)
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not under the base path')
      return
    }
    path = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '')
    let file = join(root, path)
    if (!file.startsWith(root)) {
      res.writeHead(403).end()
      return
    }
    if (existsSync(file) && statSync(file).isDirectory())
      file = join(file, 'index.html')
    if (!existsSync(file)) {
      // A route of the deck (/12, /presenter/3): the app decides. A missing asset: 404.
      if (extname(path) !== '') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      file = join(root, 'index.html')
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  return new Promise((resolvePromise) => {
    server.listen(port, host, () => {
      const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address())
      resolvePromise({ url: `http://${host}:${actual}${prefix}`, close: () => new Promise(r => server.close(() => r())) })
    })
  })
}
