// Runtimes reached through a browser page: the deck's own runner in a Web Worker, in Chromium
// (Playwright) or Firefox (puppeteer-core over WebDriver BiDi), opened by the browser harness.
import type { HarnessBrowser } from '../harness/open-harness.ts'
import type { Case, RuntimeDef } from './session.ts'
import { findFirefox, openBrowserHarness } from '../harness/open-harness.ts'
import { bytesOf } from './session.ts'

export function browserRuntime(kind: HarnessBrowser, name: string, engine: string, driver: string): RuntimeDef {
  return {
    id: kind,
    name,
    engine,
    host: 'demos/browser/ (the deck\'s runner)',
    verified: `the deck's own runner in a Web Worker, ${driver}`,
    available: () => {
      if (kind === 'firefox')
        return findFirefox() ? undefined : 'Firefox is not installed (Debian: apt-get install -y firefox-esr; or set FIREFOX_PATH)'
      return undefined // Playwright's own Chromium may be there when Debian's is not: opening it says
    },
    async open() {
      const harness = await openBrowserHarness(kind)
      const input = (c: Case) => ({
        program: c.program,
        args: c.input.args,
        stdin: [...bytesOf(c.input.stdin)],
        files: Object.fromEntries(Object.entries(c.input.files ?? {}).map(([k, v]) => [k, String(v)])),
      })
      return {
        version: harness.version,
        async run(c) {
          const r = await harness.run(input(c))
          return { ...r, trapped: r.error?.kind === 'trap', computeMs: r.timings.runMs }
        },
        async start(hello) {
          return (await harness.run({ ...input(hello), cold: true })).timings.totalMs
        },
        // A fresh Web Worker and a fresh compile, like a fresh process.
        async fresh(c) {
          const r = await harness.run({ ...input(c), cold: true })
          return { ...r, trapped: r.error?.kind === 'trap', computeMs: r.timings.runMs }
        },
        close: () => harness.close(),
      }
    },
  }
}
