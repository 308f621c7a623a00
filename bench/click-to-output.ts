// Click to output: on the slide with the `demo` program, the time from a click on Run to
// the frame that paints the program's output in the stdout pane, warm (the module already
// compiled by the slide's first run, a worker waiting). Timed inside the page, so the
// driver's own latency is not counted. A click is shown at the earliest by the next frame:
// each click is made just after a frame was painted, and "within one frame" means the
// output was in the page before the next frame began.
import type { Browser } from 'playwright-core'
import type { Site } from './first-load'
import { runNodeWasi } from '../tooling/lib/process-hosts'
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

export interface ClickTime {
  /** Click to the start of the frame that paints the output, in ms. */
  ms: number
  /** Which frame after the click paints it: 1 is the next one. */
  frame: number
  /** Click to the output in the page (before that frame), in ms. */
  inPageMs: number
}

/** In the page: type each input, click Run, time until its output is on screen. */
async function clickAndTime(runs: ClickRun[]): Promise<ClickTime[]> {
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
  const times: ClickTime[] = []
  for (const { stdin, expected } of runs) {
    await idle()
    input.value = stdin
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await window.__nextPaint!()
    // Frames begun since the click, with the start time of the last one.
    let frames = 0
    let frameStart = 0
    let inPage = 0
    const shown = new Promise<ClickTime>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no output after 10 s; the pane shows ${JSON.stringify(stdout.textContent)}`)), 10_000)
      const tick = (start: number) => {
        frames++
        frameStart = start
        if (!inPage)
          requestAnimationFrame(tick)
        else // this frame paints the output
          resolve({ ms: frameStart - clicked, frame: frames, inPageMs: inPage - clicked })
      }
      requestAnimationFrame(tick)
      const observer = new MutationObserver(() => {
        if (stdout.textContent === expected) {
          observer.disconnect()
          clearTimeout(timer)
          inPage = performance.now()
        }
      })
      observer.observe(stdout, { childList: true, characterData: true, subtree: true })
    })
    const clicked = performance.now()
    button.click()
    times.push(await shown)
  }
  await idle()
  return times
}

/** Median-ready samples: `warmup` clicks first (not counted), then `runs.length - warmup`. */
export async function clickToOutput(browser: Browser, site: Site, slide: number, runs: ClickRun[], warmup: number): Promise<ClickTime[]> {
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
