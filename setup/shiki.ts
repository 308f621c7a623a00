// Zig highlighting in code blocks, in Monaco and in a runner's output.
import { defineShikiSetup } from '@slidev/types'

export default defineShikiSetup(() => ({
  langs: ['zig', 'js', 'ts', 'sh', 'json', 'vue', 'html', 'css', 'markdown'],
}))
