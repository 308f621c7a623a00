// Command vs reactor, measured where it runs. A command (collatz.wasm) is instantiated and
// started for every request, as the Worker on our slides does with demo.wasm; a reactor
// (reactor.wasm) is instantiated once and its exported function is called per request.
// Both compute the same function (zig/src/reactor.zig). Our own two small modules run
// here on the calling thread: neither can spin, and a timer needs no worker round trip.
import { runSession } from './wasi-session'

export interface CommandVsReactor {
  /** Requests timed each way (at least the number asked for, and at least MIN_TIMED_MS of them). */
  commandRequests: number
  reactorRequests: number
  /** The argument of every request, and each side's answer to the first one. */
  start: number
  commandAnswer: string
  reactorAnswer: number
  /** Mean time per request, instantiation included for the command. */
  commandMs: number
  reactorMs: number
  /** The reactor's one instantiation, paid before the first request. */
  reactorInstantiateMs: number
}

interface Reactor { collatz: (start: number) => number }

/** Browsers round performance.now() (to 0.1 ms without cross-origin isolation): time long batches. */
const MIN_TIMED_MS = 40

/** Runs at least `requests` requests each way (after a warm-up) and times them. */
export function measureCommandVsReactor(command: WebAssembly.Module, reactor: WebAssembly.Module, requests = 200, start = 27): CommandVsReactor {
  const decoder = new TextDecoder()
  const runCommand = () => {
    let out = ''
    const result = runSession(
      { type: 'start', module: command, stdin: new Uint8Array(), argv: ['collatz', String(start)], env: [], preopens: [], maxOutputBytes: 4096 },
      { stdout: (bytes) => { out += decoder.decode(bytes) }, stderr: () => {} },
    )
    if (result.exitCode !== 0)
      throw new Error(`collatz.wasm did not exit cleanly: ${result.error?.message ?? `exit code ${result.exitCode}`}`)
    return out.trim()
  }

  const t0 = performance.now()
  const instance = new WebAssembly.Instance(reactor, {})
  const reactorInstantiateMs = performance.now() - t0
  const exports = instance.exports as unknown as Reactor
  if (typeof exports.collatz !== 'function')
    throw new Error('reactor.wasm exports no collatz function')

  const warmUp = Math.min(20, requests)
  for (let i = 0; i < warmUp; i++) {
    runCommand()
    exports.collatz(start)
  }
  const commandAnswer = runCommand()
  const reactorAnswer = exports.collatz(start)

  const timeEach = (request: () => unknown) => {
    let count = 0
    const began = performance.now()
    let elapsed = 0
    while (count < requests || elapsed < MIN_TIMED_MS) {
      for (let i = 0; i < requests; i++)
        request()
      count += requests
      elapsed = performance.now() - began
    }
    return { count, ms: elapsed / count }
  }
  const commandTimed = timeEach(runCommand)
  const reactorTimed = timeEach(() => exports.collatz(start))
  return {
    commandRequests: commandTimed.count,
    reactorRequests: reactorTimed.count,
    start,
    commandAnswer,
    reactorAnswer,
    commandMs: commandTimed.ms,
    reactorMs: reactorTimed.ms,
    reactorInstantiateMs,
  }
}
