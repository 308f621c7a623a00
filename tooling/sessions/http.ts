// A case as an HTTP request (demos/shared/http-run.mjs) and the answer as what a run observed:
// the hosts that serve (Deno.serve, workerd, the Pages Function, Viceroy) all answer this way.
import type { Case, Observed } from './session.ts'
import { Buffer } from 'node:buffer'
import { messageOf } from '../../demos/shared/errors.ts'
import { fromBase64, runRequestParts } from '../../demos/shared/http-run.mjs'
import { bytesOf, HTTP_DEADLINE_MS } from './session.ts'

export function observedFrom(headers: Record<string, string | null | undefined> | Headers, body: Uint8Array, status: number): Observed {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]) ?? undefined
  if (status !== 200)
    return { stdout: new Uint8Array(), stderr: body, exitCode: null, trapped: false, failure: `HTTP ${status}: ${Buffer.from(body).toString('utf8').slice(0, 200)}` }
  const trap = get('x-trap')
  const compute = get('x-compute-ms')
  return {
    stdout: body,
    stderr: fromBase64(get('x-stderr') ?? ''),
    exitCode: trap === undefined ? Number(get('x-exit-code')) : null,
    trapped: trap !== undefined,
    ...(compute !== undefined ? { computeMs: Number(compute) } : {}),
  }
}

export async function post(url: string, c: Case): Promise<Observed> {
  const { path, headers } = runRequestParts({ program: c.program, args: c.input.args, env: c.input.env, files: c.input.files })
  try {
    const response = await fetch(new URL(path, url), { method: 'POST', body: bytesOf(c.input.stdin) as Uint8Array<ArrayBuffer>, headers, signal: AbortSignal.timeout(HTTP_DEADLINE_MS) })
    return observedFrom(response.headers, new Uint8Array(await response.arrayBuffer()), response.status)
  }
  catch (e) {
    return { stdout: new Uint8Array(), stderr: new Uint8Array(), exitCode: null, trapped: false, failure: messageOf(e) }
  }
}

/** The slide's Worker answers stdout when the program succeeds and its stderr (status 400) when it does not. */
export async function postToSlideWorker(url: string, path: string, c: Case): Promise<Observed> {
  try {
    const response = await fetch(new URL(path, url), { method: 'POST', body: bytesOf(c.input.stdin) as Uint8Array<ArrayBuffer>, signal: AbortSignal.timeout(HTTP_DEADLINE_MS) })
    const bytes = new Uint8Array(await response.arrayBuffer())
    const exitCode = Number(response.headers.get('x-exit-code'))
    return exitCode === 0
      ? { stdout: bytes, stderr: new Uint8Array(), exitCode, trapped: false }
      : { stdout: new Uint8Array(), stderr: bytes, exitCode, trapped: false }
  }
  catch (e) {
    return { stdout: new Uint8Array(), stderr: new Uint8Array(), exitCode: null, trapped: false, failure: messageOf(e) }
  }
}

/** A server the sessions start: where it listens, when it first answered, how to stop it. */
export interface StartedServer { url: string, firstAnswerMs: number, stop: () => Promise<void> }

/** Start-up: a server started and stopped, timed from its spawn to its first answer. */
export async function startUpMs(start: () => Promise<StartedServer>): Promise<number> {
  const s = await start()
  await s.stop()
  return s.firstAnswerMs
}

/** A request to a server started for it alone (a fresh runtime), stopped afterwards. */
export async function onFreshServer<T>(start: () => Promise<StartedServer>, send: (url: string) => Promise<T>): Promise<T> {
  const s = await start()
  try {
    return await send(s.url)
  }
  finally {
    await s.stop()
  }
}
