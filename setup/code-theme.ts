// The deck's code colours: GitHub's light and dark themes (bundled with Shiki), every colour
// that draws text moved just far enough to reach WCAG AA (4.5:1) on the backgrounds code sits
// on. One pair of themes for the code blocks (coloured at build time), the Monaco editors and
// the runners' output (coloured in the page): setup/shiki.ts hands them to Slidev.
import type { ThemeRegistration } from 'shiki'
import githubDark from 'shiki/themes/github-dark.mjs'
import githubLight from 'shiki/themes/github-light.mjs'
import { withContrast } from '../demos/shared/contrast.ts'

/**
 * What code is drawn on: the theme's own background (Monaco), Slidev's code background
 * (`--slidev-code-background` in @slidev/client/styles/vars.css) and the slide itself.
 */
const LIGHT_BACKGROUNDS = ['#ffffff', '#f5f5f5']
const DARK_BACKGROUNDS = ['#24292e', '#1b1b1b', '#121212']

/** Theme colours (Monaco's names) that draw text. */
const TEXT_COLOURS = ['editor.foreground', 'editorLineNumber.foreground', 'editorLineNumber.activeForeground', 'foreground']

function legible(base: ThemeRegistration, name: string, backgrounds: string[]): ThemeRegistration {
  const fix = (c: unknown) => (typeof c === 'string' ? withContrast(c, backgrounds) : c)
  const colors = { ...base.colors }
  for (const key of TEXT_COLOURS) {
    if (colors[key])
      colors[key] = fix(colors[key]) as string
  }
  return {
    ...base,
    name,
    displayName: `${base.displayName ?? base.name} (AA on its background)`,
    fg: fix(base.fg) as string | undefined,
    colors,
    tokenColors: (base.tokenColors ?? []).map(rule => ({
      ...rule,
      settings: { ...rule.settings, foreground: fix(rule.settings.foreground) as string | undefined },
    })),
  }
}

export const codeThemes = {
  light: legible(githubLight as ThemeRegistration, 'deck-light', LIGHT_BACKGROUNDS),
  dark: legible(githubDark as ThemeRegistration, 'deck-dark', DARK_BACKGROUNDS),
}
