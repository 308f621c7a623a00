// Zig highlighting in code blocks, in Monaco and in a runner's output, in colours with AA
// contrast on the code's background (setup/code-theme.ts).
import { defineShikiSetup } from '@slidev/types'
import { codeThemes } from './code-theme.ts'

export default defineShikiSetup(() => ({
  themes: codeThemes,
  langs: ['zig', 'js', 'ts', 'sh', 'json', 'vue', 'html', 'css', 'markdown', 'diff'],
}))
