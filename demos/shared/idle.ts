/** Runs `task` when the page is idle (Safari has no requestIdleCallback: shortly after). */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(() => task(), { timeout: 1000 })
  else
    setTimeout(task, 100)
}
