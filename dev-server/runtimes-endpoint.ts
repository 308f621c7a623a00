// The dev server's live comparison (POST /__runtimes/compare, body {"case": "<id>"}):
// runs one of the committed cases (LIVE_CASES, never bytes from the request) on every
// runtime this machine has, and streams one NDJSON line per runtime as it finishes.
// Same safety as Live Zig: same-origin POSTs only, one comparison at a time, a deadline
// per runtime after which everything it started is killed (SIGKILL), and off for
// `slidev --remote` unless LIVE_RUNTIMES=on.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import type { LiveLine } from '../demos/shared/runtime-report.ts'
import type { HostRun } from '../tooling/lib/process-hosts.ts'
import type { Case, RuntimeDef, Session } from '../tooling/sessions/runtimes.ts'
import { runHost } from '../tooling/lib/process-hosts.ts'
import { CASES, CPU, deadline, HELLO, judge, LIVE_CASE_IDS, oneLine } from '../tooling/sessions/compare.ts'
import { RUNTIMES } from '../tooling/sessions/runtimes.ts'
import { devEndpointPlugin, sameOrigin } from './dev-endpoint.ts'

export const COMPARE_PATH = '/__runtimes/compare'

/** What the slide can ask for: committed modules with fixed inputs. */
export const LIVE_CASES: Case[] = LIVE_CASE_IDS.map(id => [...CASES, CPU].find(c => c.id === id)!)

/** Runs `c` on one runtime: a fresh runtime for the case, one start-up, both checked and timed. Never throws. */
export async function liveRow(rt: RuntimeDef, c: Case, reference: HostRun, deadlineMs: number): Promise<Extract<LiveLine, { type: 'row' }>> {
  const base = { type: 'row' as const, id: rt.id, name: rt.name, engine: rt.engine }
  let session: Session | undefined
  const work = async () => {
    session = await rt.open()
    const startMs = await session.start(HELLO)
    // An entry that cannot carry this case (the Pages Function runs demo only): start-up only, and why.
    if (rt.only && !rt.only.programs.includes(c.program))
      return { ...base, version: session.version, ok: true, startMs, notCarried: `${rt.only.programs.join(', ')} only: ${rt.only.why}` }
    const got = await session.fresh(c)
    const verdict = judge(c, reference, got)
    // A case the runtime cannot run as node:wasi does (no stdin, no preopen…): why, not a failure.
    const cannot = verdict.pass ? undefined : rt.cannot?.(c)
    if (cannot)
      return { ...base, version: session.version, ok: true, startMs, notCarried: cannot }
    return { ...base, version: session.version, ok: verdict.pass, ...(verdict.detail ? { detail: verdict.detail } : {}), startMs, ...(got.computeMs !== undefined ? { computeMs: got.computeMs } : {}) }
  }
  try {
    return await deadline(work(), deadlineMs, rt.name)
  }
  catch (e) {
    return { ...base, ok: false, detail: oneLine(e) }
  }
  finally {
    await session?.close().catch(() => {})
  }
}

export function createCompareHandler({ deadlineMs = 60_000, enabled = () => true, runtimes = RUNTIMES }: { deadlineMs?: number, enabled?: () => boolean, runtimes?: RuntimeDef[] } = {}) {
  let busy = false
  return async (req: IncomingMessage, res: ServerResponse) => {
    const reply = (status: number, error: string) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify({ error }))
    }
    if (req.method !== 'POST')
      return reply(405, 'POST {"case": "<id>"} to run a case on every runtime')
    if (!enabled())
      return reply(403, 'The live comparison is off on this server (started with --remote; set LIVE_RUNTIMES=on to allow it)')
    if (!sameOrigin(req))
      return reply(403, 'Only the deck itself may start a comparison')
    let body = ''
    for await (const chunk of req) {
      body += chunk
      if (body.length > 1024)
        return reply(413, 'The request is over 1 KiB')
    }
    let id: unknown
    try {
      id = (JSON.parse(body) as { case?: unknown }).case
    }
    catch {}
    const c = LIVE_CASES.find(x => x.id === id)
    if (!c)
      return reply(400, `case must be one of: ${LIVE_CASES.map(x => x.id).join(', ')}`)
    if (busy)
      return reply(409, 'A comparison is already running: wait for it to finish')
    busy = true
    let closed = false
    res.on('close', () => {
      closed = true
    })
    try {
      const present = runtimes.filter(rt => !rt.available())
      res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' })
      const send = (line: LiveLine) => res.write(`${JSON.stringify(line)}\n`)
      send({ type: 'plan', case: c.id, runtimes: present.map(rt => ({ id: rt.id, name: rt.name })) })
      const reference = await runHost('node', c.program, c.input)
      for (const rt of present) {
        if (closed)
          break // the page went away: start nothing new
        send(await liveRow(rt, c, reference, deadlineMs))
      }
      send({ type: 'done' })
      res.end()
    }
    finally {
      busy = false
    }
  }
}

/** The Vite plugin that mounts the endpoint on the dev server (not in builds). */
export function liveRuntimesPlugin(): Plugin {
  return devEndpointPlugin('live-runtimes-compare', COMPARE_PATH, 'LIVE_RUNTIMES', createCompareHandler)
}
