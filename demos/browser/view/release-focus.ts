// After a mouse click, a focused button keeps Slidev's arrow keys from moving the
// slide: let go of it (keyboard users keep their focus).
export function releaseFocus(event: MouseEvent): void {
  if (event.detail > 0)
    (event.currentTarget as HTMLElement).blur()
}
