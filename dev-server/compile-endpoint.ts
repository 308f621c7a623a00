// The dev server's compile endpoint for Live Zig (POST /__zig/compile, body: the
// Zig source). Safe to leave on while presenting: same-origin POSTs only, a size
// limit, one compile at a time per client (others wait their turn), a deadline,
// a throwaway directory, and a source policy: the live compiler takes no @embedFile,
// no @cImport and no @import but "std" and "builtin". (Zig 0.11 let
// @embedFile("../../etc/passwd") read any file; 0.17 refuses a path outside the
// source's directory itself, "embed of file outside package path", and the policy
// still answers first, with its own line.)
// With `slidev --remote` it is off unless LIVE_ZIG=on is set.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import type { CompileDiagnostic, CompileReply } from '../demos/browser/live-zig/compile-reply.ts'
import { Buffer } from 'node:buffer'
import { SOURCE_FILE } from '../demos/browser/live-zig/compile-reply.ts'
import { devEndpointPlugin, sameOrigin } from './dev-endpoint.ts'
import { COMPILE_TIMEOUT_MS, compileZig } from './zig-compile.ts'

export const COMPILE_PATH = '/__zig/compile'
export const MAX_SOURCE_BYTES = 64 * 1024

export interface EndpointOptions {
  timeoutMs?: number
  /** Whether compiling is allowed at all (off for --remote unless LIVE_ZIG=on). */
  enabled?: () => boolean
}

type Reply = (status: number, body: CompileReply) => void

async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit)
      return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Builtins that make the compiler read files: a program on a slide needs none of them.
 * Builtins cannot be aliased or called indirectly, so their call syntax is what to look for.
 */
export function sourcePolicy(source: string): CompileDiagnostic | undefined {
  const rules: Array<[RegExp, string]> = [
    [/@embedFile\s*\(/g, '@embedFile is not available in the live compiler (it could read files outside this program)'],
    [/@cImport\s*\(|@cInclude\s*\(/g, '@cImport is not available in the live compiler (clang would read any header path)'],
    [/@import\s*\((?!\s*"(?:std|builtin)"\s*\))/g, 'only @import("std") and @import("builtin") are available in the live compiler'],
  ]
  for (const [pattern, message] of rules) {
    const m = pattern.exec(source)
    if (m) {
      const before = source.slice(0, m.index).split('\n')
      return { line: before.length, column: before[before.length - 1].length + 1, message }
    }
  }
  return undefined
}

export function createCompileHandler({ timeoutMs = COMPILE_TIMEOUT_MS, enabled = () => true }: EndpointOptions = {}) {
  const queues = new Map<string, Promise<unknown>>()
  return async (req: IncomingMessage, res: ServerResponse) => {
    const reply: Reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify(body))
    }
    if (req.method !== 'POST')
      return reply(405, { error: 'POST the Zig source to compile it' })
    if (!enabled())
      return reply(403, { error: 'Compiling is off on this server (started with --remote; set LIVE_ZIG=on to allow it)' })
    if (!sameOrigin(req))
      return reply(403, { error: 'Only the deck itself may ask for a compile' })
    if (Number(req.headers['content-length'] ?? 0) > MAX_SOURCE_BYTES)
      return reply(413, { error: `The source is over ${MAX_SOURCE_BYTES / 1024} KiB` })
    const source = await readBody(req, MAX_SOURCE_BYTES)
    if (source === undefined)
      return reply(413, { error: `The source is over ${MAX_SOURCE_BYTES / 1024} KiB` })
    const refused = sourcePolicy(source)
    if (refused)
      return reply(200, { ok: false, ms: 0, diagnostics: [refused], output: `${SOURCE_FILE}:${refused.line}:${refused.column}: error: ${refused.message}`, timedOut: false, outOfMemory: false })

    // One compile at a time per client; the next waits for the previous.
    const client = req.socket.remoteAddress ?? 'unknown'
    const previous = queues.get(client) ?? Promise.resolve()
    const job = previous.catch(() => {}).then(() => compileZig(source, { timeoutMs }))
    queues.set(client, job)
    const result = await job
    if (queues.get(client) === job)
      queues.delete(client)
    if (result.ok)
      return reply(200, { ok: true, ms: result.ms, bytes: result.wasm.length, wasm: Buffer.from(result.wasm).toString('base64') })
    return reply(200, { ok: false, ms: result.ms, diagnostics: result.diagnostics, output: result.output, timedOut: result.timedOut ?? false, outOfMemory: result.outOfMemory ?? false })
  }
}

/** The Vite plugin that mounts the endpoint on the dev server (not in builds). */
export function liveZigPlugin(): Plugin {
  return devEndpointPlugin('live-zig-compile', COMPILE_PATH, 'LIVE_ZIG', createCompileHandler)
}
