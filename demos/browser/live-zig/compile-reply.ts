// The one contract between Live Zig's two sides: the dev server's compile endpoint
// (compile-endpoint.ts, compile.ts) and the page (run-zig.ts). Both import these types,
// so a field the server sends is a field the page knows about.

/** The reader's program, as the compiler sees it in its throwaway directory. */
export const SOURCE_FILE = 'main.zig'

export interface CompileDiagnostic {
  line: number
  column: number
  message: string
}

/** The JSON body of POST /__zig/compile's answer. */
export type CompileReply
  = | { ok: true, ms: number, bytes: number, wasm: string }
    | { ok: false, ms: number, diagnostics: CompileDiagnostic[], output: string, timedOut: boolean, outOfMemory: boolean }
    | { ok?: undefined, error: string }

/** `main.zig:3:19: error: …` lines (SOURCE_FILE's), whichever directory the compiler printed before the name. */
const DIAGNOSTIC = new RegExp(`^(?:.*[/\\\\])?${SOURCE_FILE.replace('.', '\\.')}:(\\d+):(\\d+): error: (.*)$`, 'gm')

export function parseDiagnostics(output: string): CompileDiagnostic[] {
  const found: CompileDiagnostic[] = []
  for (const m of output.matchAll(DIAGNOSTIC))
    found.push({ line: Number(m[1]), column: Number(m[2]), message: m[3] })
  return found
}
