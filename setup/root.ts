// Which slides load ahead of time. Slidev mounts the slides around the current one and,
// 3 s after the deck opens, every other slide too: with this deck that would fetch
// Monaco, the runner and the modules while the audience still looks at the title.
// `defaults: { preload: false }` in slides.md turns both off; this setup brings back the
// first half: the slides next to the current one load (and mount) ahead, the rest when
// they come near. Print and overview render every slide anyway.
import { useNav } from '@slidev/client'
import { defineRootSetup } from '@slidev/types'
import { watch } from 'vue'
import { slidesToPreload } from '../demos/slides-near'

export default defineRootSetup(() => {
  const { slides, currentSlideNo } = useNav()
  watch([slides, currentSlideNo], ([routes, current]) => {
    for (const no of slidesToPreload(current, routes.length)) {
      const route = routes[no - 1]
      // The flag Slidev's own preloading sets: SlidesShow mounts the routes that carry it.
      route.meta.__preloaded = true
      void route.load()
    }
  }, { immediate: true, flush: 'sync' })
})
