// Monaco as this deck uses it: the editor, Shiki's colours, no language services.
//
// Slidev 52's Monaco setup (@slidev/client/setup/monaco.ts) imports the whole
// `monaco-editor` package (every Monarch language, the TypeScript/CSS/HTML/JSON services),
// four language workers, TypeScript itself (3.5 MB, for fetching types from a CDN, which
// `monacoTypesSource: none` turns off) and @typescript/ata. Its code runners import
// TypeScript again, to run `{monaco-run}` blocks in JS or TS, which this deck has none of.
// This plugin resolves those imports, in the dev server and the build alike:
// - `monaco-editor` → vite-plugins/monaco-editor.ts (the editor API and its editing features);
// - the language workers → Monaco's plain editor worker (no service asks for them);
// - `typescript` and `@typescript/ata` from Slidev's client → a module that says, if
//   anything calls it, that this deck is built without TypeScript.
// `npm run bench` measures an editor slide against a stock deck with one `{monaco}` block.
import type { Plugin } from 'vite'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const LEAN_MONACO = fileURLToPath(new URL('./monaco-editor.ts', import.meta.url))
/** The Monaco modules the page imports: those of vite-plugins/monaco-editor.ts and of Slidev's Monaco setup. */
const MONACO_MODULES = [
  ...[...readFileSync(LEAN_MONACO, 'utf8').matchAll(/^(?:import|export \*) .*'(monaco-editor\/[^']+)'$/gm)].map(m => m[1]),
  'monaco-editor/editor/standalone/browser/standaloneServices',
  'monaco-editor/platform/contextview/browser/contextViewService',
  'monaco-editor/platform/instantiation/common/descriptors',
]
const LANGUAGE_WORKER = /^monaco-editor\/language\/\w+\/\w+\.worker\?worker$/
const SLIDEV_CLIENT = /\/@slidev\/client\//
const NO_TYPESCRIPT = '\0deck:no-typescript'

export const NO_TYPESCRIPT_MESSAGE = 'This deck is built without TypeScript (vite-plugins/deck-monaco.ts): a {monaco-run} block in JavaScript or TypeScript, or monacoTypesSource: cdn, needs it back.'

export function deckMonacoPlugin(): Plugin {
  return {
    name: 'deck:monaco',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source === 'monaco-editor')
        return LEAN_MONACO
      if (!importer || !SLIDEV_CLIENT.test(importer))
        return null
      if (LANGUAGE_WORKER.test(source))
        return this.resolve('monaco-editor/editor/editor.worker?worker', importer, { skipSelf: true })
      if (source === 'typescript' || source === '@typescript/ata')
        return NO_TYPESCRIPT
      return null
    },
    load(id) {
      if (id !== NO_TYPESCRIPT)
        return null
      return [
        `const missing = () => { throw new Error(${JSON.stringify(NO_TYPESCRIPT_MESSAGE)}) }`,
        // Slidev's Monaco setup hands this to setupTypeAcquisition only: that call says why.
        'export default {}',
        'export const transpileModule = missing',
        // Read while the arguments of transpileModule are built, before the call throws.
        'export const ModuleKind = {}',
        'export const ScriptTarget = {}',
        'export const setupTypeAcquisition = missing',
      ].join('\n')
    },
    config: {
      // After Slidev's. The dev server (and so `npm run export`) pre-bundles the Monaco
      // modules the page imports into a few files, where Slidev has it load Monaco's
      // ESM files one by one (hundreds of requests); TypeScript and @typescript/ata, which
      // Slidev asks it to pre-bundle, are imported by nothing now.
      order: 'post',
      handler(config) {
        const deps = (config.optimizeDeps ??= {})
        deps.include = [
          ...(deps.include ?? []).filter(dep => !/(?:^|> )(?:typescript|@typescript\/ata)$/.test(dep)),
          ...MONACO_MODULES,
        ]
        deps.exclude = deps.exclude?.filter(dep => dep !== 'monaco-editor')
      },
    },
  }
}
