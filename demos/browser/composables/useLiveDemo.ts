// Where a live demo runs, and when it runs by itself: one rule for every demo of the deck.
import type { Ref } from 'vue'
import { onSlideEnter, useNav, useSlideContext } from '@slidev/client'
import { computed, onMounted } from 'vue'

/**
 * A demo runs on the slide itself (in the deck and the presenter's view) and when the deck is
 * printed; in the overview and the other thumbnails it shows its parts without running.
 */
export function useLiveDemo() {
  const { isPrintMode } = useNav()
  const { $renderContext } = useSlideContext()
  const live = computed(() => isPrintMode.value || ['slide', 'presenter'].includes($renderContext.value))
  return { isPrintMode, renderContext: $renderContext, live }
}

export interface DemoRuns {
  /** One run of the demo; called only where the demo is live. */
  run: () => unknown
  /** Gets the first run ready (a worker started, the module fetched), where the demo is live. */
  prepare: () => void
  /** How many runs the demo has started. */
  runs: Readonly<Ref<number>>
  /** Run when the slide is entered (the first time only). Default: yes. */
  autorun?: () => boolean
}

/**
 * A live demo with a Run button: it runs on entering its slide (when `autorun`, and only while it
 * has not run yet), and on mount when the deck is printed (the PDF shows a real run of every demo,
 * never an empty pane); otherwise the mount prepares the first run. `start` runs it where it is live.
 */
export function useLiveRuns({ run, prepare, runs, autorun = () => true }: DemoRuns) {
  const where = useLiveDemo()
  const { isPrintMode, live } = where
  function start() {
    if (live.value)
      run()
  }
  // Fires on mount too when this slide is the current one.
  onSlideEnter(() => {
    if (autorun() && !isPrintMode.value && runs.value === 0)
      start()
  })
  onMounted(() => {
    if (isPrintMode.value)
      start()
    else if (live.value)
      prepare()
  })
  return { ...where, start }
}
