// Vue state for the Worker playground: the edited code, the request, the result.
import type { PlaygroundErrorKind, PlaygroundResult } from '../playground/playground-protocol'
import { computed, ref, shallowRef } from 'vue'
import { messageOf } from '../../shared/errors'
import { whenIdle } from '../../shared/idle'
import { runWorkerCode } from '../playground/run-worker-code'
import { spawnBrowserPlayground } from '../playground/spawn-playground'
import { fetchWasm, wasmUrl } from '../runner/page-runner'
import { compileWasiCached } from '../runner/runner'
import { withSpare } from '../runner/supervisor'

export const PLAYGROUND_ERROR_TITLES: Record<PlaygroundErrorKind, string> = {
  'syntax': 'Syntax error',
  'import': 'Import not available',
  'exception': 'Uncaught exception',
  'not-response': 'Not a Response',
  'output-limit': 'Output limit reached',
  'timeout': 'Timed out',
  'request-too-large': 'Request body too large',
  'crash': 'The playground crashed',
}

export function useWorkerPlayground(original: string) {
  const code = ref(original)
  const running = ref(false)
  const result = shallowRef<PlaygroundResult>()
  // Each run gets a fresh thread (the edited code may change its globals); the next one
  // is started ahead, so that a click does not wait for the worker's script to load.
  const threads = withSpare(spawnBrowserPlayground)
  let disposed = false

  /** Gets the first Run ready while the slide is read: demo.wasm fetched and compiled, a thread started. */
  function prepare() {
    if (disposed)
      return
    fetchWasm(wasmUrl('demo')).then(bytes => compileWasiCached(bytes).module).catch(() => {}) // a failure shows on Run
    threads.warm()
  }

  function dispose() {
    disposed = true
    threads.dispose()
  }

  async function run(body: string, timeoutMs?: number) {
    if (running.value)
      return
    running.value = true
    try {
      let demoWasm: Uint8Array
      try {
        demoWasm = await fetchWasm(wasmUrl('demo'))
      }
      catch (e) {
        result.value = { error: { kind: 'crash', message: messageOf(e) }, logs: [], ms: 0 }
        return
      }
      result.value = await runWorkerCode(threads.spawn, { code: code.value, demoWasm, body, timeoutMs })
    }
    finally {
      running.value = false
      // Once the result is on screen.
      whenIdle(prepare)
    }
  }

  const view = computed(() => {
    const r = result.value
    if (!r)
      return undefined
    const response = r.response
    return {
      error: r.error && { ...r.error, title: PLAYGROUND_ERROR_TITLES[r.error.kind] },
      status: response && `${response.status} ${response.statusText}`.trim(),
      ok: response ? response.status < 400 : false,
      headers: response?.headers ?? [],
      body: response ? new TextDecoder().decode(response.body) : '',
      bodyBytes: response?.body.length ?? 0,
      bodyTruncated: response?.bodyTruncated ?? false,
      waitUntil: response?.waitUntil,
      logs: r.logs,
      ms: r.ms,
    }
  })

  return { code, running, result, view, prepare, run, dispose, reset: () => {
    code.value = original
  } }
}
