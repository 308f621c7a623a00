// A `zig` runner for {monaco-run} blocks (see demos/browser/live-zig/run-zig.ts).
import { defineCodeRunnersSetup } from '@slidev/types'

export default defineCodeRunnersSetup(() => ({
  async zig(code, ctx) {
    const { runZig } = await import('../demos/browser/live-zig/run-zig')
    return runZig(code, ctx.options as { stdin?: string, args?: string[] })
  },
}))
