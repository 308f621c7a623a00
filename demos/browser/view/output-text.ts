// Turns streamed output bytes into text for a pane: decodes UTF-8 as it arrives,
// notes invalid bytes, and keeps only what a slide can show.

/** Characters kept for display; the rest is counted, not rendered. */
export const DISPLAY_LIMIT = 64 * 1024

export class OutputText {
  private decoder = new TextDecoder('utf-8', { fatal: false })
  private checker = new TextDecoder('utf-8', { fatal: true })
  text = ''
  bytes = 0
  invalidUtf8 = false
  clipped = false

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length
    if (!this.invalidUtf8) {
      try {
        this.checker.decode(chunk, { stream: true })
      }
      catch {
        this.invalidUtf8 = true
      }
    }
    if (this.clipped)
      return
    this.text += this.decoder.decode(chunk, { stream: true })
    if (this.text.length > DISPLAY_LIMIT) {
      this.text = this.text.slice(0, DISPLAY_LIMIT)
      this.clipped = true
    }
  }

  /** Call once at the end: an unfinished sequence at the very end is invalid too. */
  end(): void {
    if (!this.invalidUtf8) {
      try {
        this.checker.decode()
      }
      catch {
        this.invalidUtf8 = true
      }
    }
    if (!this.clipped)
      this.text += this.decoder.decode()
  }
}
