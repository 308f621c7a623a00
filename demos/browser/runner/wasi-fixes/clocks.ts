// Clocks: the CPU-time clocks, and INVAL for a clock that does not exist.
import type { FixContext, Overrides } from './context'
import { CLOCK_PROCESS_CPUTIME, CLOCK_THREAD_CPUTIME, INVAL, SUCCESS } from './errno'

/** clock_time_get and clock_res_get. */
export function clockFixes(ctx: FixContext): Overrides {
  const { original, view } = ctx
  /**
   * clock_time_get / clock_res_get: the shim answers 0 ns (time) or NOSYS (resolution) for a
   * clock that does not exist; the spec's errno is INVAL. The CPU-time clocks count from the
   * session's start on the monotonic clock (a worker runs one program).
   */
  const startedMonotonic = performance.now()
  const clock_time_get = (id: number, precision: bigint, ptr: number): number => {
    if (id === CLOCK_PROCESS_CPUTIME || id === CLOCK_THREAD_CPUTIME) {
      view().setBigUint64(ptr, BigInt(Math.round((performance.now() - startedMonotonic) * 1e6)), true)
      return SUCCESS
    }
    return id > CLOCK_THREAD_CPUTIME ? INVAL : original.clock_time_get(id, precision, ptr)
  }
  const clock_res_get = (id: number, ptr: number): number => {
    if (id === CLOCK_PROCESS_CPUTIME || id === CLOCK_THREAD_CPUTIME) {
      view().setBigUint64(ptr, 1000n, true)
      return SUCCESS
    }
    return id > CLOCK_THREAD_CPUTIME ? INVAL : original.clock_res_get(id, ptr)
  }
  return { clock_time_get, clock_res_get }
}
