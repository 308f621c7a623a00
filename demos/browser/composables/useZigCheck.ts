// Vue state for Zig's own front end under the Live Zig editor: as the reader types,
// zig-check.wasm (std's parser and AstGen, in the runner's Web Worker) checks the text;
// its messages are marked in the editor and listed as the compiler prints them, and
// "zig fmt" replaces the text with Zig's rendering of it.
import type * as Monaco from 'monaco-editor'
import type { ZigCheckResult, ZigMessage } from '../live-zig/zig-check'
import { ref, shallowRef } from 'vue'
import { messageOf } from '../../shared/errors'
import { checkZig, formatZig, messageLine, utf16Offsets, zigCheckInPage } from '../live-zig/zig-check'

/** Quiet time after the last keystroke before a check starts. */
export const CHECK_DEBOUNCE_MS = 250
/** The marker owner in Monaco (the dev server's compile errors use their own). */
const OWNER = 'zig-check'
/** The name of the performance measure from the debounce firing to the marks drawn (read by the bench). */
export const CHECK_MEASURE = 'zig-check: debounce to marks'

type MonacoApi = typeof Monaco

/** Programs that take the paths a typo takes: AstGen's errors (with notes), a syntax error, Zig's renderer. */
const WARM_UP = { astgen: 'const a = 1;\nfn f(x: u8) void { const a = 2; }\nfn g() void { _ = z; }\n', syntax: 'const b = ;\n', fmt: 'const c=1;\n' }

export interface ListedMessage { kind: ZigMessage['kind'], text: string }

/** Monaco markers for the messages, at the position each message is about (its line and column). */
function markersFor(monaco: MonacoApi, model: Monaco.editor.ITextModel, source: string, messages: ZigMessage[]): Monaco.editor.IMarkerData[] {
  const offsets = utf16Offsets(source, messages.flatMap(m => [m.main, m.end]))
  return messages.map((m, i) => {
    const at = model.getPositionAt(offsets[2 * i])
    const end = model.getPositionAt(Math.max(offsets[2 * i + 1], offsets[2 * i]))
    // The span can run over lines (a whole declaration): mark from the point to the end of its line at most.
    const endColumn = end.lineNumber === at.lineNumber ? end.column : model.getLineMaxColumn(at.lineNumber)
    return {
      severity: m.kind === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Info,
      message: m.message,
      source: 'zig ast-check',
      startLineNumber: at.lineNumber,
      startColumn: at.column,
      endLineNumber: at.lineNumber,
      endColumn: Math.max(endColumn, at.column + 1),
    }
  })
}

/** Resolves once the next frame is drawn (a hidden tab draws none: then after 100 ms). */
function nextFrame() {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100)
    requestAnimationFrame(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** The Monaco editor inside `container`: there already, or once Slidev creates it. */
function editorIn(monaco: MonacoApi, container: HTMLElement, disposers: Array<() => void>): Promise<Monaco.editor.ICodeEditor> {
  return new Promise<Monaco.editor.ICodeEditor>((resolve) => {
    const inside = (e: Monaco.editor.ICodeEditor) => container.contains(e.getContainerDomNode())
    const existing = monaco.editor.getEditors().find(inside)
    if (existing)
      return resolve(existing)
    const listener = monaco.editor.onDidCreateEditor((e) => {
      if (inside(e)) {
        listener.dispose()
        resolve(e)
      }
    })
    disposers.push(() => listener.dispose())
  })
}

/**
 * V8 compiles a wasm function when it is first called: these run now, while the reader looks at
 * the slide, and the first typo is marked without that wait.
 */
async function warmUp(): Promise<void> {
  const run = zigCheckInPage()
  await Promise.all([checkZig(WARM_UP.astgen, run), checkZig(WARM_UP.syntax, run), formatZig(WARM_UP.fmt, run)]).catch(() => {})
}

/** Replaces the whole text of the editor's model as one undo step. */
function replaceText(editor: Monaco.editor.ICodeEditor, model: Monaco.editor.ITextModel, text: string): void {
  editor.pushUndoStop()
  editor.executeEdits('zig fmt', [{ range: model.getFullModelRange(), text }])
  editor.pushUndoStop()
}

/**
 * Once the marks are drawn, the check's time as a performance measure; the runner's own timings
 * ride along: the bench shows what a warm check spends instantiating.
 */
async function measureCheck(t0: number, checked: ZigCheckResult): Promise<void> {
  await nextFrame()
  performance.measure(CHECK_MEASURE, { start: t0, end: performance.now(), detail: checked.result.timings })
}

export function useZigCheck() {
  /** What the list under the editor shows: the compiler's lines. */
  const listed = shallowRef<ListedMessage[]>([])
  /** One line when the source was not checked (too large, too deep, stopped). */
  const problem = ref<string>()
  /** Checks done since the slide was entered; the list is current when > 0 and not `checking`. */
  const checks = ref(0)
  const checking = ref(false)
  const formatting = ref(false)
  const fmtNote = ref<string>()

  let monaco: MonacoApi | undefined
  let editor: Monaco.editor.ICodeEditor | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let running = false
  let again = false
  const disposers: Array<() => void> = []

  function show(model: Monaco.editor.ITextModel, source: string, checked: ZigCheckResult) {
    const messages = checked.ok ? checked.messages : []
    monaco!.editor.setModelMarkers(model, OWNER, markersFor(monaco!, model, source, messages))
    listed.value = messages.map(m => ({ kind: m.kind, text: messageLine(m) }))
    problem.value = checked.ok ? undefined : checked.problem
  }

  /** One check of the editor's text; a check asked for while one runs waits for it, and only the newest text is checked. */
  async function check(): Promise<void> {
    const model = editor?.getModel()
    if (!model)
      return
    if (running) {
      again = true
      return
    }
    running = true
    checking.value = true
    const t0 = performance.now()
    try {
      const version = model.getVersionId()
      const source = model.getValue()
      const checked = await checkZig(source, zigCheckInPage())
      // Typed into since: the next check (already scheduled) shows that text.
      if (model.isDisposed() || model.getVersionId() !== version)
        return
      show(model, source, checked)
      checks.value++
      await measureCheck(t0, checked)
    }
    catch (e) {
      problem.value = `zig-check could not run: ${messageOf(e)}`
    }
    finally {
      running = false
      checking.value = false
      if (again) {
        again = false
        void check()
      }
    }
  }

  function schedule() {
    clearTimeout(timer)
    timer = setTimeout(() => void check(), CHECK_DEBOUNCE_MS)
  }

  /**
   * Follows the Monaco editor inside `container` (Slidev creates it after the slide mounts):
   * checks its text now and after every pause in typing.
   */
  async function attach(container: HTMLElement): Promise<void> {
    if (editor)
      return void check()
    const { default: setup } = await import('@slidev/client/setup/monaco.ts')
    monaco = (await setup()).monaco as MonacoApi
    const found = editor = await editorIn(monaco, container, disposers)
    await warmUp()
    const subscription = found.onDidChangeModelContent(schedule)
    disposers.push(() => subscription.dispose())
    await check()
  }

  /** Replaces the editor's text with `zig fmt`'s rendering of it (one undo step); with syntax errors, lists them instead. */
  async function fmt(): Promise<void> {
    const model = editor?.getModel()
    if (!model || formatting.value)
      return
    formatting.value = true
    fmtNote.value = undefined
    try {
      const source = model.getValue()
      const formatted = await formatZig(source, zigCheckInPage())
      if (model.getValue() !== source)
        return
      if (formatted.ok && formatted.formatted !== undefined) {
        if (formatted.formatted !== source)
          replaceText(editor!, model, formatted.formatted)
        fmtNote.value = formatted.formatted === source ? 'zig fmt: already formatted' : 'zig fmt: formatted'
      }
      else {
        show(model, source, formatted)
        fmtNote.value = 'zig fmt: not formatted (fix the syntax error first)'
      }
    }
    catch (e) {
      fmtNote.value = `zig fmt could not run: ${messageOf(e)}`
    }
    finally {
      formatting.value = false
    }
  }

  function dispose() {
    clearTimeout(timer)
    disposers.splice(0).forEach(d => d())
  }

  return { listed, problem, checks, checking, formatting, fmtNote, attach, fmt, dispose }
}
