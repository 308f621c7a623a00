// Which slides load ahead of time. Slidev mounts the slides around the current one and,
// 3 s after the deck opens, every other slide too: with this deck that would fetch
// Monaco, the runner and the modules while the audience still looks at the title.
// `defaults: { preload: false }` in slides.md turns both off; this setup brings back the
// first half, after the current slide: once it has loaded and the page is idle, the
// slides next to it load (and mount, hidden), the rest when they come near. Print and
// overview render every slide anyway.
import { useNav } from '@slidev/client'
import { defineRootSetup } from '@slidev/types'
import { watch } from 'vue'
import { whenIdle } from '../demos/shared/idle'
import { slidesToPreload } from './slides-near'

export default defineRootSetup(() => {
  const { slides, currentSlideNo } = useNav()
  watch([slides, currentSlideNo], ([routes, current], _, onCleanup) => {
    let moved = false
    onCleanup(() => {
      moved = true
    })
    // A slide that fails to load says so itself (Slidev shows the error on it).
    const ignore = () => {}
    routes[current - 1]?.load().then(() => whenIdle(() => {
      if (moved)
        return
      for (const no of slidesToPreload(current, routes.length)) {
        const route = routes[no - 1]
        // The flag Slidev's own preloading sets: SlidesShow mounts the routes that carry it.
        route.meta.__preloaded = true
        route.load().catch(ignore)
      }
    }), ignore)
  }, { immediate: true })
})
