// Compile errors as Monaco markers on their lines in the slide's editor: the editor Slidev
// set up for the {monaco-run} block whose text is the code that was compiled.
import type { CompileDiagnostic } from './compile-reply'

export /** Marks compile errors on their lines in the slide's editor (and clears them after a good compile). */
async function markInEditor(code: string, diagnostics: CompileDiagnostic[]): Promise<void> {
  const { default: setup } = await import('@slidev/client/setup/monaco.ts')
  const { monaco } = await setup()
  for (const model of monaco.editor.getModels()) {
    if (model.getValue() !== code)
      continue
    monaco.editor.setModelMarkers(model, 'zig', diagnostics
      .filter(d => d.line <= model.getLineCount())
      .map(d => ({
        severity: monaco.MarkerSeverity.Error,
        message: d.message,
        startLineNumber: d.line,
        startColumn: d.column,
        endLineNumber: d.line,
        endColumn: model.getLineMaxColumn(d.line),
      })))
  }
}
