// The wasm manifest for a component: loaded on mount, or the reason it could not be.
import type { WasmManifest } from '../../shared/manifest'
import { onMounted, shallowRef } from 'vue'
import { messageOf } from '../../shared/errors'
import { loadManifest } from '../../shared/manifest'

/**
 * The manifest for a component: loaded on mount, or the reason it could not be. The slides
 * show the deck's programs: the conformance suite's are left out.
 */
export function useManifest() {
  const manifest = shallowRef<WasmManifest>()
  const error = shallowRef<string>()
  onMounted(async () => {
    try {
      const all = await loadManifest()
      manifest.value = { ...all, modules: all.modules.filter(m => !m.conformance) }
    }
    catch (e) {
      error.value = messageOf(e)
    }
  })
  return { manifest, error }
}
