// The wasm manifest for a component: loaded on mount, or the reason it could not be.
import { onMounted, shallowRef } from 'vue'
import type { WasmManifest } from '../../shared/manifest'
import { loadManifest } from '../../shared/manifest'
import { messageOf } from '../../shared/errors'

/** The manifest for a component: loaded on mount, or the reason it could not be. */
export function useManifest() {
  const manifest = shallowRef<WasmManifest>()
  const error = shallowRef<string>()
  onMounted(async () => {
    try {
      manifest.value = await loadManifest()
    }
    catch (e) {
      error.value = messageOf(e)
    }
  })
  return { manifest, error }
}
