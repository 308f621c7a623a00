// A text box that stays light: input bigger than a slide can hold (a pasted
// 10 MB file) is kept aside instead of in the <textarea>, whose layout would
// stall the page (and with it the deck's keyboard navigation).
import { computed, ref, shallowRef } from 'vue'
import { formatBytes, KiB } from '../../shared/format'

export const SHOWN_INPUT_LIMIT = 256 * KiB

export function useHeldInput(initial: string, limit = SHOWN_INPUT_LIMIT) {
  const shown = ref(initial)
  const held = shallowRef<string>()

  function onInput(event: Event) {
    const box = event.target as HTMLTextAreaElement
    if (box.value.length > limit) {
      held.value = box.value
      box.value = ''
      shown.value = ''
    }
    else {
      held.value = undefined
      shown.value = box.value
    }
  }

  return {
    /** What the box shows. */
    shown,
    /** The text to use: the held one when there is one. */
    value: () => held.value ?? shown.value,
    /** "9.5 MiB of input held…" when input is held aside. */
    note: computed(() => held.value === undefined
      ? undefined
      : `${formatBytes(new TextEncoder().encode(held.value).length)} of input held (too large to show); type to replace it`),
    onInput,
  }
}

export type HeldInput = ReturnType<typeof useHeldInput>
