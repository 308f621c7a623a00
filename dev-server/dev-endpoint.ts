// What the deck's dev-server endpoints share (Live Zig's compile, the live runtime
// comparison): they answer only pages of this server, and they are mounted on the dev
// server alone, off under `slidev --remote` unless their variable says `on`.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import process from 'node:process'

/** Whether a request comes from a page of this server (its Origin names this Host). */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  const host = req.headers.host
  if (!origin || !host)
    return false
  try {
    return new URL(origin).host === host
  }
  catch {
    return false
  }
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/**
 * A Vite plugin mounting `createHandler`'s handler at `path` on the dev server (not in builds).
 * On a server open to the room (`--remote`) the endpoint is off unless `${flag}=on`.
 */
export function devEndpointPlugin(name: string, path: string, flag: string, createHandler: (options: { enabled: () => boolean }) => Handler): Plugin {
  return {
    name,
    apply: 'serve',
    configureServer(server) {
      const host = server.config.server.host
      const remote = host !== undefined && host !== 'localhost' && host !== '127.0.0.1' && host !== false
      const handler = createHandler({ enabled: () => !remote || process.env[flag] === 'on' })
      server.middlewares.use(path, (req, res) => void handler(req, res))
    },
  }
}
