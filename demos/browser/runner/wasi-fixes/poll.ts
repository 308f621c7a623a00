// poll_oneoff: clock and fd subscriptions, any number of them.
import type { FixContext, Overrides } from './context'
import { wasi as defs, OpenFile } from '@bjorn3/browser_wasi_shim'
import { now } from './context'
import { BADF, INVAL, SUCCESS } from './errno'

/** poll_oneoff. */
export function pollFixes(ctx: FixContext): Overrides {
  const { view, fd } = ctx
  /**
   * poll_oneoff: the shim takes one clock subscription and reads its ABSTIME flag from the
   * wrong offset. Here: any number of clock and fd subscriptions. Every fd here is always
   * ready (stdin is known in full before the program starts; files and the console never
   * block), so fd events are reported at once; otherwise the earliest clock is waited for.
   */
  const poll_oneoff = (inPtr: number, outPtr: number, count: number, neventsPtr: number): number => {
    if (count === 0)
      return INVAL
    const v = view()
    const events: Array<{ userdata: bigint, error: number, type: number, nbytes: bigint }> = []
    let earliest: { userdata: bigint, at: bigint } | undefined
    const monotonic = () => BigInt(Math.round(performance.now() * 1e6))
    for (let i = 0; i < count; i++) {
      const s = inPtr + i * 48
      const userdata = v.getBigUint64(s, true)
      const type = v.getUint8(s + 8)
      if (type === defs.EVENTTYPE_CLOCK) {
        const id = v.getUint32(s + 16, true)
        const timeout = v.getBigUint64(s + 24, true)
        const absolute = (v.getUint16(s + 40, true) & defs.SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME) !== 0
        const clockNow = id === defs.CLOCKID_REALTIME ? now() : id === defs.CLOCKID_MONOTONIC ? monotonic() : undefined
        if (clockNow === undefined) {
          events.push({ userdata, error: INVAL, type, nbytes: 0n })
          continue
        }
        const at = monotonic() + (absolute ? timeout - clockNow : timeout)
        if (!earliest || at < earliest.at)
          earliest = { userdata, at }
      }
      else if (type === defs.EVENTTYPE_FD_READ || type === defs.EVENTTYPE_FD_WRITE) {
        const obj = fd(v.getUint32(s + 16, true))
        const nbytes = obj instanceof OpenFile && type === defs.EVENTTYPE_FD_READ
          ? BigInt(obj.file.data.byteLength) - obj.file_pos
          : 0n
        events.push({ userdata, error: obj ? SUCCESS : BADF, type, nbytes: nbytes > 0n ? nbytes : 0n })
      }
      else {
        events.push({ userdata, error: INVAL, type, nbytes: 0n })
      }
    }
    if (events.length === 0 && earliest) {
      while (monotonic() < earliest.at) {
        // busy-wait, as the shim does: a worker has no blocking sleep without SharedArrayBuffer
      }
      events.push({ userdata: earliest.userdata, error: SUCCESS, type: defs.EVENTTYPE_CLOCK, nbytes: 0n })
    }
    const out = view()
    events.forEach((e, i) => {
      const p = outPtr + i * 32
      new Uint8Array(out.buffer, p, 32).fill(0)
      out.setBigUint64(p, e.userdata, true)
      out.setUint16(p + 8, e.error, true)
      out.setUint8(p + 10, e.type)
      out.setBigUint64(p + 16, e.nbytes, true)
    })
    out.setUint32(neventsPtr, events.length, true)
    return SUCCESS
  }
  return { poll_oneoff }
}
