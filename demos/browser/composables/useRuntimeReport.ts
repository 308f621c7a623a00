// public/runtimes.json for a component: loaded on mount, or the reason it could not be.
import type { RuntimesJson } from '../../shared/runtime-report'
import { onMounted, shallowRef } from 'vue'
import { messageOf } from '../../shared/errors'
import { loadRuntimeReport } from '../view/runtime-rows'

/**
 * The runtime report (npm run runtimes), loaded on mount, or the reason it could not be.
 * `then` goes on from the loaded report (a live measurement beside it): its failure is the error too.
 */
export function useRuntimeReport(then?: (report: RuntimesJson) => Promise<void>) {
  const report = shallowRef<RuntimesJson>()
  const error = shallowRef<string>()
  onMounted(async () => {
    try {
      report.value = await loadRuntimeReport()
      await then?.(report.value)
    }
    catch (e) {
      error.value = messageOf(e)
    }
  })
  return { report, error }
}
