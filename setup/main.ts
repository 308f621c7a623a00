// The deck's favicon under whatever base path the site is built for. (Slidev's
// `favicon` setting is written as given, so an absolute path breaks under --base,
// and a relative one breaks on nested routes like /presenter/3.) slides.md sets it to
// an empty data: URL, so the browser never asks for /favicon.ico before this runs.
import { defineAppSetup } from '@slidev/types'

export default defineAppSetup(() => {
  if (typeof document === 'undefined')
    return
  const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]') ?? document.head.appendChild(document.createElement('link'))
  link.rel = 'icon'
  link.type = 'image/svg+xml'
  link.href = `${import.meta.env.BASE_URL}favicon.svg`
})
