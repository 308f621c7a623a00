// One run of a jco-transpiled WASI 0.2 command component on @bytecodealliance/preview2-shim's
// browser build, in a worker: stdin from memory, stdout and stderr streamed to `sink` under
// the output cap, files in an in-memory "/" preopen. The shim's own stdout/stderr print
// lines to the console and its stdin is always closed: createCli takes our streams instead.
import type { ComponentStartMessage, RunError } from './protocol'
import type { SessionResult, SessionSink } from './wasi-session'
import * as cliShim from '@bytecodealliance/preview2-shim/cli'
import * as clocks from '@bytecodealliance/preview2-shim/clocks'
import { createFilesystem, InMemoryFilesystemAdapter } from '@bytecodealliance/preview2-shim/filesystem'
import * as io from '@bytecodealliance/preview2-shim/io'
import * as random from '@bytecodealliance/preview2-shim/random'
import { messageOf } from '../../shared/errors'
import { wasiImports } from '../../shared/wasi-imports.mjs'
import { outputCap, OutputLimitReached, trapMessage } from './wasi-session'

interface TranspiledComponent {
  instantiate: (
    getCoreModule: (file: string) => WebAssembly.Module,
    imports: Record<string, unknown>,
    instantiateCore?: (module: WebAssembly.Module, imports?: WebAssembly.Imports) => WebAssembly.Instance,
  ) => Promise<{ run: { run: () => void } }>
}

// One worker runs one component: its JS is imported once, ahead when the runner sent `preload`.
const imported = new Map<string, Promise<TranspiledComponent>>()

/** Imports a component's transpiled JS (fetch, parse, evaluate), once per URL in this worker. */
export function importTranspiled(jsUrl: string): Promise<TranspiledComponent> {
  let js = imported.get(jsUrl)
  if (!js) {
    js = import(/* @vite-ignore */ jsUrl) as Promise<TranspiledComponent>
    imported.set(jsUrl, js)
    js.catch(() => imported.delete(jsUrl))
  }
  return js
}

/**
 * jco's instantiate awaits each core instance; the core modules are compiled already and
 * small, so a worker instantiates them synchronously (no task between the four).
 */
const instantiateNow = (module: WebAssembly.Module, imports?: WebAssembly.Imports) => new WebAssembly.Instance(module, imports)

/** What the shim's exit throws (ComponentExit): the code is 0 or 1 (wasi:cli/exit carries ok or err). */
function exitCodeOf(e: unknown): number | undefined {
  if (typeof e === 'object' && e !== null && (e as { exitError?: unknown }).exitError === true)
    return (e as { code: number }).code
  return undefined
}

/** The in-memory filesystem's tree ({ dir: { name: { source } } }) from relative paths. */
function fileData(files: Record<string, Uint8Array>) {
  interface Entry { dir?: Record<string, Entry>, source?: Uint8Array }
  const root: Entry = { dir: {} }
  for (const [path, bytes] of Object.entries(files)) {
    const parts = path.split('/').filter(p => p !== '' && p !== '.')
    let at = root
    for (const part of parts.slice(0, -1))
      at = at.dir![part] ??= { dir: {} }
    at.dir![parts[parts.length - 1]] = { source: bytes.slice() }
  }
  return root
}

export async function runComponentSession(start: ComponentStartMessage, sink: SessionSink): Promise<SessionResult & { importMs?: number }> {
  const cap = outputCap(start.maxOutputBytes)
  const capped = (forward: (bytes: Uint8Array) => void) => ({ write: cap(forward), blockingFlush() {} })
  let stdinAt = 0
  const cli = cliShim.createCli({
    arguments: start.argv,
    environment: start.env,
    stdin: {
      blockingRead(len: bigint) {
        if (stdinAt >= start.stdin.length)
          // eslint-disable-next-line no-throw-literal -- the WIT error variant the shim's streams throw at the end
          throw { tag: 'closed' }
        const chunk = start.stdin.slice(stdinAt, stdinAt + Number(len))
        stdinAt += chunk.length
        return chunk
      },
    },
    stdout: capped(sink.stdout),
    stderr: capped(sink.stderr),
  } as Parameters<typeof cliShim.createCli>[0])
  const filesystem = createFilesystem({ adapter: new InMemoryFilesystemAdapter(), preopens: { '/': fileData(start.files) } })
  // Our cli and filesystem; the shim's clocks, streams and random as they are.
  const imports = wasiImports({ cli, clocks, filesystem: { preopens: filesystem.preopens, types: filesystem.types }, io, random } as unknown as Record<string, Record<string, unknown>>)

  const t0 = performance.now()
  let component: Awaited<ReturnType<TranspiledComponent['instantiate']>>
  let importMs = 0
  try {
    const { instantiate } = await importTranspiled(start.jsUrl)
    importMs = performance.now() - t0
    component = await instantiate((file) => {
      const module = start.modules[file]
      if (!module)
        throw new Error(`the transpiled component asks for ${file}, which was not loaded`)
      return module
    }, imports, instantiateNow)
  }
  catch (e) {
    return { exitCode: null, error: { kind: 'load', message: `cannot instantiate the component: ${messageOf(e)}` }, instantiateMs: 0, runMs: 0 }
  }
  const t1 = performance.now()
  try {
    component.run.run()
    return { exitCode: 0, instantiateMs: t1 - t0, runMs: performance.now() - t1, importMs }
  }
  catch (e) {
    const runMs = performance.now() - t1
    const exitCode = exitCodeOf(e)
    if (exitCode !== undefined)
      return { exitCode, instantiateMs: t1 - t0, runMs, importMs }
    const error: RunError = e instanceof OutputLimitReached || (e as { cause?: unknown })?.cause instanceof OutputLimitReached
      ? { kind: 'output-limit', message: new OutputLimitReached(start.maxOutputBytes).message }
      // jco words a trap like wasmtime, "wasm trap: ..." already.
      : { kind: 'trap', message: trapMessage(e).replace(/^wasm trap: (?=wasm trap: )/, '') }
    return { exitCode: null, error, instantiateMs: t1 - t0, runMs, importMs }
  }
  finally {
    filesystem.dispose()
  }
}
