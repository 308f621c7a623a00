// The Shiki grammars and themes the page can load: the deck's, not all of Shiki's.
//
// In the page, Shiki colours the Monaco editors and the code runners' output; the code
// blocks on the slides are coloured at build time. Slidev's client hands Shiki the full
// `bundledLanguages` and `bundledThemes` maps of the `shiki` package (about 250 grammars
// and 60 themes, each a lazy import), though it loads only the languages named in
// setup/shiki.ts (plus Slidev's own six) and the deck's themes. Every entry of those maps
// becomes a file of the site, 8 MB that no slide fetches. This plugin gives Slidev's
// client maps that hold only what it loads, and stops the build if a name is not Shiki's.
import type { ShikiContext, ShikiSetupReturn } from '@slidev/types'
import type { Plugin } from 'vite'
import { bundledLanguagesInfo, bundledThemesInfo } from 'shiki'
import deckShikiSetup from '../setup/shiki.ts'

/** Always loaded by Slidev's client (resolveShikiOptions in @slidev/client/setup/shiki-options.ts). */
const SLIDEV_LANGUAGES = ['markdown', 'vue', 'javascript', 'typescript', 'html', 'css']
/** Slidev's themes when a setup names none. */
const SLIDEV_THEMES = ['vitesse-dark', 'vitesse-light']

const SHIKI_OPTIONS = /\/@slidev\/client\/setup\/shiki-options\.ts$/
const DECK_SHIKI = '\0deck:shiki-bundles'

/** The bundled themes the deck names; a theme given as an object (setup/code-theme.ts) needs no file. */
function themeNames(options: ShikiSetupReturn): string[] {
  const themes = 'themes' in options && options.themes ? Object.values(options.themes) : 'theme' in options && options.theme ? [options.theme] : []
  const names = themes.filter((t): t is string => typeof t === 'string')
  return themes.length ? names : SLIDEV_THEMES
}

/** The source of a module exporting `bundledLanguages` and `bundledThemes` with the deck's names only. */
export async function deckShikiBundles(): Promise<string> {
  const options = (await deckShikiSetup({} as ShikiContext)) ?? {}
  const named = Array.isArray(options.langs) ? (options.langs.flat() as unknown[]).filter((l): l is string => typeof l === 'string') : []
  const requested = [...SLIDEV_LANGUAGES, ...named]
  const languages = new Map<string, string>()
  for (const name of requested) {
    const info = bundledLanguagesInfo.find(l => l.id === name || l.aliases?.includes(name))
    if (!info)
      throw new Error(`setup/shiki.ts names "${name}", which is not a Shiki language (vite-plugins/deck-shiki.ts)`)
    languages.set(info.id, info.id)
    languages.set(name, info.id)
  }
  const themes = themeNames(options)
  for (const name of themes) {
    if (!bundledThemesInfo.some(t => t.id === name))
      throw new Error(`setup/shiki.ts names the theme "${name}", which is not a Shiki theme (vite-plugins/deck-shiki.ts)`)
  }
  const entry = (key: string, path: string) => `  ${JSON.stringify(key)}: () => import(${JSON.stringify(path)}),`
  return [
    'export const bundledLanguages = {',
    ...[...languages].map(([name, id]) => entry(name, `shiki/dist/langs/${id}.mjs`)),
    '}',
    'export const bundledThemes = {',
    ...themes.map(name => entry(name, `shiki/dist/themes/${name}.mjs`)),
    '}',
  ].join('\n')
}

export function deckShikiPlugin(): Plugin {
  return {
    name: 'deck:shiki',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'shiki' && importer && SHIKI_OPTIONS.test(importer))
        return DECK_SHIKI
      return null
    },
    load(id) {
      return id === DECK_SHIKI ? deckShikiBundles() : null
    },
  }
}
