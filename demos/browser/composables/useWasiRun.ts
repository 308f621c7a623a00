// Vue state for a live run on a slide: what the WasiRun component shows.
import type { RunErrorKind, RunResult } from '../runner/protocol'
import { computed, reactive, ref, shallowRef } from 'vue'
import { messageOf } from '../../shared/errors'
import { fetchWasm, pageRunner, wasmUrl } from '../runner/page-runner'
import { compileWasiCached } from '../runner/runner'
import { OutputText } from '../view/output-text'

export interface WasiRunInput {
  stdin: string
  args: string[]
  env?: Record<string, string>
  files?: Record<string, string | number[]>
  /** Named preopens: text, or bytes as an array of numbers; "dir/" is an empty directory. */
  preopens?: Record<string, Record<string, string | number[]>>
  timeoutMs?: number
  maxOutputBytes?: number
}

/** The wording on the slide for each way a run can fail. */
export const ERROR_TITLES: Record<RunErrorKind, string> = {
  'load': 'Could not load the module',
  'trap': 'The program trapped',
  'timeout': 'Timed out',
  'output-limit': 'Output limit reached',
  'crash': 'The runner crashed',
}

/** One preopen as the slide shows it after a run: each file with its size, empty directories. */
export interface PreopenView {
  name: string
  entries: Array<{ path: string, bytes: number, dir: boolean }>
}

type InputFiles = Record<string, string | number[]>
function toRunFiles(files: InputFiles) {
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, typeof data === 'string' ? data : new Uint8Array(data)]))
}

/** Splits an args line like a shell would for plain words and "quoted strings". */
export function parseArgs(line: string): string[] {
  const args: string[] = []
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
    args.push(m[1] ?? m[2] ?? m[3])
  return args
}

export function useWasiRun(program: () => string) {
  const running = ref(false)
  const runs = ref(0)
  let stdout = new OutputText()
  let stderr = new OutputText()
  const result = shallowRef<RunResult>()
  // Output arrives in bursts; the panes re-render at most once a frame.
  // The panes read only `view`: copied from the OutputTexts, which are plain objects.
  const view = reactive({ stdout: '', stderr: '', invalidUtf8: false, clipped: false, stdoutBytes: 0 })
  let frame = 0
  const render = () => {
    frame = 0
    view.stdout = stdout.text
    view.stderr = stderr.text
    view.invalidUtf8 = stdout.invalidUtf8 || stderr.invalidUtf8
    view.clipped = stdout.clipped
    view.stdoutBytes = stdout.bytes
  }
  const schedule = () => {
    if (!frame)
      frame = requestAnimationFrame(render)
  }

  async function run(input: WasiRunInput): Promise<RunResult | undefined> {
    if (running.value)
      return undefined // one run at a time per demo; the button is disabled too
    running.value = true
    const out = new OutputText()
    const err = new OutputText()
    stdout = out
    stderr = err
    result.value = undefined
    render()
    try {
      let wasm: Uint8Array
      try {
        wasm = await fetchWasm(wasmUrl(program()))
      }
      catch (e) {
        result.value = failed('load', e)
        return result.value
      }
      const r = await pageRunner().run(wasm, {
        programName: program(),
        stdin: input.stdin,
        args: input.args,
        env: input.env,
        files: input.files && toRunFiles(input.files),
        preopens: input.preopens && Object.fromEntries(Object.entries(input.preopens).map(([name, files]) => [name, toRunFiles(files)])),
        timeoutMs: input.timeoutMs,
        maxOutputBytes: input.maxOutputBytes,
        onStdout: (c) => {
          out.push(c)
          schedule()
        },
        onStderr: (c) => {
          err.push(c)
          schedule()
        },
      })
      result.value = r
      return r
    }
    catch (e) {
      result.value = failed('crash', e)
      return result.value
    }
    finally {
      out.end()
      err.end()
      if (frame)
        cancelAnimationFrame(frame)
      render()
      runs.value++
      running.value = false
    }
  }

  const status = computed(() => {
    const r = result.value
    if (!r)
      return undefined
    return {
      ok: !r.error && r.exitCode === 0,
      exitCode: r.exitCode,
      errorTitle: r.error ? ERROR_TITLES[r.error.kind] : undefined,
      errorKind: r.error?.kind,
      errorMessage: r.error?.message,
      timings: r.timings,
    }
  })

  /** What the program left in each preopen (after a run that finished in the worker). */
  const tree = computed<PreopenView[] | undefined>(() => {
    const preopens = result.value?.preopens
    return preopens && Object.entries(preopens).map(([name, files]) => ({
      name,
      entries: Object.entries(files).map(([path, bytes]) => ({ path, bytes: bytes.length, dir: path.endsWith('/') })),
    }))
  })

  /** Gets the first Run ready while the slide is read: the module fetched and compiled, a worker started. */
  function prepare() {
    fetchWasm(wasmUrl(program())).then(bytes => compileWasiCached(bytes).module).catch(() => {}) // a failure shows on Run
    pageRunner().warm()
  }

  return { run, prepare, running, runs, view, status, tree }
}

function failed(kind: RunErrorKind, e: unknown): RunResult {
  return {
    exitCode: null,
    error: { kind, message: messageOf(e) },
    stdout: new Uint8Array(),
    stderr: new Uint8Array(),
    timings: { compileMs: 0, instantiateMs: 0, runMs: 0, totalMs: 0 },
  }
}
