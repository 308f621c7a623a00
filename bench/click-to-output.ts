// Click to output: on the slide with the `demo` program, the time from a click on Run to
// the program's output painted in the stdout pane, warm (the module already compiled by
// the slide's first run, a spare worker waiting). Timed inside the page, so the driver's
// own latency is not counted.
import type { Browser } from 'playwright-core'
import { runNodeWasi } from '../scripts/lib/process-hosts'
import type { Site } from './first-load'
import { newBenchContext } from './first-load'

export interface ClickRun { stdin: string, expected: string }

/** Inputs that differ on every click, with what node:wasi prints for each. */
export async function clickInputs(count: number): Promise<ClickRun[]> {
  const runs: ClickRun[] = []
  for (let i = 0; i < count; i++) {
    const stdin = `Hello, Zig! Click number ${i + 1}.\nWebAssembly everywhere.`
    runs.push({ stdin, expected: (await runNodeWasi('demo', { stdin })).stdout.toString('utf8') })
  }
  return runs
}

/** In the page: type each input, click Run, time until its output is on screen. */
async function clickAndTime(runs: ClickRun[]): Promise<number[]> {
  const demo = document.querySelector('.wasi-run[data-program="demo"]')!
  const input = demo.querySelector<HTMLTextAreaElement>('.wasi-run-stdin')!
  const button = demo.querySelector<HTMLButtonElement>('.wasi-run-button')!
  const stdout = demo.querySelector('.wasi-run-stdout')!
  const idle = async () => {
    for (let waited = 0; button.disabled; waited += 10) {
      if (waited > 10_000)
        throw new Error('the Run button stayed disabled')
      await new Promise(r => setTimeout(r, 10))
    }
  }
  const painted = () => new Promise<number>((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    })
  })
  const times: number[] = []
  for (const { stdin, expected } of runs) {
    await idle()
    input.value = stdin
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await painted()
    const shown = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no output after 10 s; the pane shows ${JSON.stringify(stdout.textContent)}`)), 10_000)
      const observer = new MutationObserver(() => {
        if (stdout.textContent === expected) {
          observer.disconnect()
          clearTimeout(timer)
          resolve(painted())
        }
      })
      observer.observe(stdout, { childList: true, characterData: true, subtree: true })
    })
    const clicked = performance.now()
    button.click()
    times.push(await shown - clicked)
  }
  await idle()
  return times
}

/** Median-ready samples: `warmup` clicks first (not counted), then `runs.length - warmup`. */
export async function clickToOutput(browser: Browser, site: Site, slide: number, runs: ClickRun[], warmup: number): Promise<number[]> {
  const context = await newBenchContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(`${site.url}${slide}`)
    // The slide's own first run (autorun) compiles the module.
    await page.locator(`.slidev-page-${slide} .wasi-run[data-program="demo"] .wasi-run-finished`).waitFor()
    const times = await page.evaluate(clickAndTime, runs)
    return times.slice(warmup)
  }
  finally {
    await context.close()
  }
}
