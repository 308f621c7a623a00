// The live row of the runtime table: runs demo.wasm in this browser on the input
// npm run runtimes used, and compares a hash of the output with node:wasi's.
import { browserEngine } from './browser-engine'
import { fetchWasm, pageRunner, wasmUrl } from '../runner/page-runner'
import { messageOf } from '../../shared/errors'
import { sha256Hex } from '../../shared/sha256'

export interface LiveCheck {
  browser: string
  engine: string
  same: boolean
  ms: number
  message?: string
}

export async function checkThisBrowser(live: { program: string, stdin: string, stdoutSha256: string }): Promise<LiveCheck> {
  const { browser, engine } = browserEngine(navigator.userAgent)
  try {
    const r = await pageRunner().run(await fetchWasm(wasmUrl(live.program)), { programName: live.program, stdin: live.stdin })
    if (r.error)
      return { browser, engine, same: false, ms: r.timings.totalMs, message: r.error.message }
    const same = r.exitCode === 0 && await sha256Hex(r.stdout) === live.stdoutSha256
    return { browser, engine, same, ms: r.timings.totalMs, ...(same ? {} : { message: 'output differs from node:wasi' }) }
  }
  catch (e) {
    return { browser, engine, same: false, ms: 0, message: messageOf(e) }
  }
}
