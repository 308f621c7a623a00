// What `monaco-editor` is in this deck (vite-plugins/deck-monaco.ts resolves the bare import
// here; this is not one of Slidev's setup files). The package's own entry registers about
// 80 Monarch languages and the TypeScript, CSS, HTML and JSON language services, each with
// a worker: 14 MB in the site, and the TypeScript service alone is 3.5 MB that every editor
// slide fetched. This deck edits JavaScript (the Worker playground) and Zig (Live Zig):
// Shiki colours them (Slidev's Monaco setup), acorn and the Zig compiler find their errors.
// So: Monaco's editor API and the editing features a speaker reaches for, nothing else.
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/features/comment/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/cursorUndo/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/indentation/register'
import 'monaco-editor/features/linesOperations/register'
import 'monaco-editor/features/multicursor/register'
import 'monaco-editor/features/wordOperations/register'

export * from 'monaco-editor/editor/editor.api'

/**
 * Slidev's Monaco setup sets compiler options on `monaco.typescript.typescriptDefaults`
 * (and adds type files there when `monacoTypesSource` is not `none`). Without the
 * TypeScript service nothing reads them: this keeps the setup running unchanged.
 */
let compilerOptions: Record<string, unknown> = {}
export const typescript = {
  ModuleKind: { None: 0, CommonJS: 1, ESNext: 99 },
  ModuleResolutionKind: { Classic: 1, NodeJs: 2 },
  typescriptDefaults: {
    getCompilerOptions: () => compilerOptions,
    setCompilerOptions: (options: Record<string, unknown>) => {
      compilerOptions = options
    },
    addExtraLib: () => ({ dispose: () => {} }),
  },
}
