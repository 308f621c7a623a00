// The page's side of POST /__zig/compile (dev-server/compile-endpoint.ts): the source as
// the request body, the reply as compile-reply.ts types it.
import type { CompileReply } from './compile-reply'

export const COMPILE_URL = `${import.meta.env.BASE_URL}__zig/compile`

/** Asks the dev server to compile `code`; throws when there is no dev server to answer (or no JSON). */
export async function requestCompile(code: string): Promise<{ reply: CompileReply, ok: boolean, status: number }> {
  const response = await fetch(COMPILE_URL, { method: 'POST', body: code, headers: { 'content-type': 'text/plain' } })
  const reply = await response.json() as CompileReply
  return { reply, ok: response.ok, status: response.status }
}

/** The module's bytes from the reply's base64. */
export function wasmOf(reply: Extract<CompileReply, { ok: true }>): Uint8Array {
  return new Uint8Array([...atob(reply.wasm)].map(c => c.charCodeAt(0)))
}
