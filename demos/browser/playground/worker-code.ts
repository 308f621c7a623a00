// Prepares edited Cloudflare Worker source to run as a module in the playground's Web Worker: parses it (a
// syntax error comes back with its line), and points its imports at the
// playground's modules. Anything else it imports is refused with a message.
import type { PlaygroundError } from './playground-protocol'
import { parse } from 'acorn'
import { PLAYGROUND_MODULES } from './playground-protocol'

/** The name stack traces give the edited code. */
export const WORKER_FILE = 'worker.js'

interface Node { type: string, start: number, end: number, source?: Node | null, value?: unknown, loc?: { start: { line: number, column: number } } }

export type PreparedSource = { ok: true, source: string } | { ok: false, error: PlaygroundError }

/** Modules are data: URLs: no request leaves the page, and Node's workers can import them too. */
export function moduleUrl(source: string): string {
  return `data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`
}

export function prepareWorkerSource(code: string, modules: Record<string, string>): PreparedSource {
  let program: Node
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as unknown as Node
  }
  catch (e) {
    const err = e as SyntaxError & { loc?: { line: number, column: number } }
    return {
      ok: false,
      error: { kind: 'syntax', message: `SyntaxError: ${err.message.replace(/ \(\d+:\d+\)$/, '')}`, line: err.loc?.line, column: err.loc ? err.loc.column + 1 : undefined },
    }
  }

  const edits: Array<{ start: number, end: number, text: string }> = []
  let refused: PlaygroundError | undefined
  walk(program, (node) => {
    if (refused)
      return
    const at = node.loc?.start
    if (node.type === 'ImportExpression') {
      refused = { kind: 'import', message: 'import() is not available here: import modules at the top of the file', line: at?.line, column: at && at.column + 1 }
      return
    }
    const isModuleDeclaration = node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration'
    if (!isModuleDeclaration || !node.source)
      return
    const specifier = String(node.source.value)
    const url = modules[specifier]
    if (url === undefined) {
      refused = {
        kind: 'import',
        message: `Cannot import "${specifier}": the page provides only ${PLAYGROUND_MODULES.map(m => `"${m}"`).join(' and ')}`,
        line: at?.line,
        column: at && at.column + 1,
      }
      return
    }
    edits.push({ start: node.source.start, end: node.source.end, text: JSON.stringify(url) })
  })
  if (refused)
    return { ok: false, error: refused }

  // Same lines as the edited code, so positions in errors still match the editor.
  let source = code
  for (const edit of edits.sort((a, b) => b.start - a.start))
    source = source.slice(0, edit.start) + edit.text + source.slice(edit.end)
  return { ok: true, source: `${source}\n//# sourceURL=${WORKER_FILE}\n` }
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (!node || typeof node !== 'object')
    return
  if (Array.isArray(node)) {
    for (const child of node)
      walk(child, visit)
    return
  }
  const n = node as Node
  if (typeof n.type === 'string')
    visit(n)
  for (const [key, value] of Object.entries(n)) {
    if (key !== 'loc' && value && typeof value === 'object')
      walk(value, visit)
  }
}

/** The line and column of the edited code in an error's stack, if it went through it. */
export function positionInWorker(error: unknown): { line?: number, column?: number } {
  const stack = error instanceof Error ? error.stack ?? '' : ''
  const m = new RegExp(`${WORKER_FILE.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(stack)
  return m ? { line: Number(m[1]), column: Number(m[2]) } : {}
}
