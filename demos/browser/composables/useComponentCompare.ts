// Vue state for the slide "Preview 1, preview 2 and components": the same input through
// a preview 1 module (the page's runner on browser_wasi_shim) and through the same bytes
// adapted into a WASI 0.2 component (jco transpile + preview2-shim's browser build), each in
// a Web Worker with the watchdog and the output cap.
import type { ComponentInfo, ModuleInfo } from '../../shared/manifest'
import type { RunResult } from '../runner/protocol'
import { computed, shallowRef } from 'vue'
import { messageOf } from '../../shared/errors'
import { loadManifest, transpiledParts } from '../../shared/manifest'
import { componentJsUrl, loadComponent } from '../runner/component-runner'
import { fetchWasm, pageComponentRunner, pageRunner, wasmUrl } from '../runner/page-runner'
import { compileWasiCached } from '../runner/runner'
import { ERROR_TITLES } from './useWasiRun'

export interface SideView {
  /** "preview 1" or "WASI 0.2". */
  label: string
  file: string
  stdout: string
  stderr: string
  /** "exit code 0", or the error's title and message. */
  ending: string
  ok: boolean
  /** Load (fetch, compile; for the component also importing its JS and instantiating) and run, in ms. */
  startMs: number
  runMs: number
}

const decoder = new TextDecoder()

/** The name of the performance marks a run leaves (": module", ": component"), with each side's parts as detail. */
export const MEASURE = 'component-compare'

function sideView(label: string, file: string, r: RunResult, loadMs: number): SideView {
  return {
    label,
    file,
    stdout: decoder.decode(r.stdout),
    stderr: decoder.decode(r.stderr),
    ending: r.error ? `${ERROR_TITLES[r.error.kind]}: ${r.error.message}` : `exit code ${r.exitCode}`,
    ok: !r.error && r.exitCode === 0,
    startMs: loadMs + r.timings.compileMs + r.timings.instantiateMs,
    runMs: r.timings.runMs,
  }
}

export function useComponentCompare(program: () => string) {
  const module = shallowRef<ModuleInfo>()
  const component = shallowRef<ComponentInfo>()
  const loadError = shallowRef<string>()
  const sides = shallowRef<SideView[]>()
  const running = shallowRef(false)
  const runs = shallowRef(0)
  const base = import.meta.env.BASE_URL

  const manifestReady = loadManifest().then((m) => {
    module.value = m.modules.find(x => x.name === program())
    component.value = m.components.find(x => x.name === program())
    if (!module.value || !component.value)
      throw new Error(`${program()}: no module or component in the manifest (npm run build:wasm)`)
    return component.value
  })
  manifestReady.catch((e) => {
    loadError.value = messageOf(e)
  })

  /** Sizes and imports for the two columns, from the manifest. */
  const facts = computed(() => {
    const m = module.value
    const c = component.value
    if (!m || !c)
      return undefined
    const { js, cores } = transpiledParts(c)
    return {
      moduleBytes: m.bytes,
      componentBytes: c.bytes,
      adapterBytes: c.adapterBytes,
      jsBytes: js.bytes,
      jsGzipBytes: js.gzipBytes,
      coreBytes: cores.reduce((n, t) => n + t.bytes, 0),
      moduleImports: m.imports,
      componentImports: c.imports,
      stdinModule: m.imports.find(i => i.endsWith('.fd_read')),
      stdinComponent: c.imports.find(i => i.startsWith('wasi:cli/stdin@')),
    }
  })

  /**
   * Fetches and compiles both while the slide is read (it loads when near), and starts the
   * workers: the component's worker imports its transpiled JS ahead, as the module is compiled ahead.
   */
  function prepare() {
    fetchWasm(wasmUrl(program())).then(b => compileWasiCached(b).module).catch(() => {})
    pageRunner().warm()
    pageComponentRunner().warm()
    manifestReady.then((c) => {
      pageComponentRunner().warm({ jsUrl: componentJsUrl(c, base) })
      return loadComponent(c, base)
    }).catch(() => {})
  }

  async function run(stdin: string) {
    if (running.value)
      return
    running.value = true
    try {
      const c = await manifestReady
      let t0 = performance.now()
      const bytes = await fetchWasm(wasmUrl(program()))
      const moduleLoadMs = performance.now() - t0
      const p1 = await pageRunner().run(bytes, { programName: program(), stdin })
      t0 = performance.now()
      const loaded = await loadComponent(c, base)
      const componentLoadMs = performance.now() - t0
      const p2 = await pageComponentRunner().run(loaded, { programName: program(), stdin })
      // Where each side's start goes, for the bench (bench/components.ts reads these).
      performance.mark(`${MEASURE}: module`, { detail: { fetchMs: moduleLoadMs, compileMs: p1.timings.compileMs, instantiateMs: p1.timings.instantiateMs, runMs: p1.timings.runMs } })
      performance.mark(`${MEASURE}: component`, { detail: { coresMs: componentLoadMs, importMs: p2.timings.importMs ?? 0, instantiateMs: p2.timings.instantiateMs - (p2.timings.importMs ?? 0), runMs: p2.timings.runMs } })
      sides.value = [
        sideView('preview 1', `${program()}.wasm`, p1, moduleLoadMs),
        sideView('WASI 0.2', `${program()}.component.wasm`, p2, componentLoadMs),
      ]
    }
    catch (e) {
      loadError.value = messageOf(e)
    }
    finally {
      running.value = false
      runs.value++
    }
  }

  return { facts, sides, run, prepare, running, runs, loadError }
}
