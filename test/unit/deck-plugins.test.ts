// The Vite plugins that trim what the page can load to what the deck uses.
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { AA, contrastRatio, hexToRgb } from '../../demos/shared/contrast'
import { codeThemes } from '../../setup/code-theme'
import { deckMonacoPlugin, NO_TYPESCRIPT_MESSAGE } from '../../vite-plugins/deck-monaco'
import { deckShikiBundles } from '../../vite-plugins/deck-shiki'
import { root } from '../helpers/node-wasi'

it('shiki gets the grammars of setup/shiki.ts and the six Slidev adds, under their names and aliases, and no theme file (the deck themes are objects)', async () => {
  const source = await deckShikiBundles()
  const names = [...source.matchAll(/^ {2}"([\w-]+)": \(\) => import\("shiki\/dist\/(langs|themes)\/([\w-]+)\.mjs"\)/gm)]
  const langs = Object.fromEntries(names.filter(m => m[2] === 'langs').map(m => [m[1], m[3]]))
  expect(langs).toMatchObject({ zig: 'zig', js: 'javascript', ts: 'typescript', sh: 'shellscript', vue: 'vue', markdown: 'markdown' })
  expect(Object.keys(langs)).not.toContain('cpp')
  expect(names.filter(m => m[2] === 'themes').map(m => m[1])).toEqual([])
  expect(source).toMatch(/^export const bundledThemes = \{\n\}$/m)
})

it('the code themes draw every token with AA contrast on the code background', () => {
  for (const [theme, backgrounds] of [[codeThemes.light, ['#ffffff', '#f5f5f5']], [codeThemes.dark, ['#1b1b1b', '#24292e']]] as const) {
    const fgs = (theme.tokenColors ?? []).map(r => r.settings.foreground).filter((c): c is string => !!c)
    expect(fgs.length).toBeGreaterThan(10)
    for (const fg of [...fgs, theme.colors!['editor.foreground'], theme.colors!['editorLineNumber.foreground']]) {
      for (const bg of backgrounds)
        expect(contrastRatio(hexToRgb(fg)!, hexToRgb(bg)!), `${theme.name}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(AA)
    }
  }
})

it('the client of Slidev gets no TypeScript: anything that calls it hears why, in one line', async () => {
  const plugin = deckMonacoPlugin()
  const resolve = plugin.resolveId as (source: string, importer?: string) => Promise<string | null>
  const load = plugin.load as (id: string) => string | null
  const slidevSetup = '/x/node_modules/@slidev/client/setup/monaco.ts'
  const id = await resolve('typescript', slidevSetup)
  expect(id).toBeTruthy()
  expect(await resolve('typescript', '/x/components/WasiRun.vue')).toBeNull()
  const module = load(id!)!
  const stub = await import(`data:text/javascript,${encodeURIComponent(module)}`) as { transpileModule: () => void }
  expect(() => stub.transpileModule()).toThrow(NO_TYPESCRIPT_MESSAGE)
})

it('vite.config.ts loads without a warning, so `npm run dev` opens on the speaker\'s terminal with none (every import in its graph is one Vite\'s native config loader can load)', async () => {
  const { createLogger, loadConfigFromFile } = await import('vite')
  const warnings: string[] = []
  const logger = createLogger('warn')
  logger.warn = (message) => {
    warnings.push(message)
  }
  logger.warnOnce = logger.warn
  const loaded = await loadConfigFromFile({ command: 'serve', mode: 'development' }, join(root, 'vite.config.ts'), root, 'warn', logger)
  expect(loaded?.config.plugins?.length).toBeGreaterThan(0)
  expect(warnings).toEqual([])
})
