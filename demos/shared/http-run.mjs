// One small HTTP shape for running a committed module on a server runtime, shared by
// the Deno.serve entry, the AWS Lambda handler and the cases Worker (workerd), so
// npm run runtimes sends every case to every one of them the same way.
//   POST /run/<program>?arg=A&arg=B&env=K%3DV        body: stdin
//   x-wasi-files: encodeURIComponent(JSON {path: base64})  (files under the preopen "/")
// Answer: body = stdout; x-exit-code (or x-trap with the trap's message);
// x-stderr = base64 of stderr; x-compute-ms = wasi.start() to its end, timed in the host.
// Plain JS with no imports: it runs unchanged in Node, Deno and workerd.

/** The committed modules a server host may run; nothing else is ever loaded. */
export const PROGRAMS = ['demo', 'wasi-env', 'read-file', 'exit-code', 'mandelbrot', 'flood', 'panic']

/** @param {Uint8Array} bytes */
export function toBase64(bytes) {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

/** @param {string} text */
export function fromBase64(text) {
  const s = atob(text)
  const bytes = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++)
    bytes[i] = s.charCodeAt(i)
  return bytes
}

/**
 * What to run, from a request's path, query and headers.
 * @param {string} path  e.g. "/run/demo"
 * @param {string} query e.g. "arg=1&arg=2" (with or without "?")
 * @param {(name: string) => string | null | undefined} header
 * @returns {{ program: string, args: string[], env: Record<string, string>, files: Record<string, Uint8Array> } | { error: string }} the run the request asks for, or why it cannot be run
 */
export function parseRun(path, query, header) {
  const m = /\/run\/([a-z0-9-]+)$/.exec(path)
  if (!m || !PROGRAMS.includes(m[1]))
    return { error: `POST /run/<program>, one of ${PROGRAMS.join(', ')}` }
  const params = new URLSearchParams(query)
  /** @type {Record<string, string>} */
  const env = {}
  for (const pair of params.getAll('env')) {
    const eq = pair.indexOf('=')
    if (eq > 0)
      env[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  /** @type {Record<string, Uint8Array>} */
  const files = {}
  const filesHeader = header('x-wasi-files')
  if (filesHeader) {
    for (const [name, b64] of Object.entries(JSON.parse(decodeURIComponent(filesHeader))))
      files[name] = fromBase64(String(b64))
  }
  return { program: m[1], args: params.getAll('arg'), env, files }
}

/**
 * The request for one run (used by npm run runtimes and the live comparison).
 * @param {{ program: string, args?: string[], env?: Record<string, string>, files?: Record<string, string | Uint8Array> }} run
 * @returns {{ path: string, headers: Record<string, string> }} the request's path and headers
 */
export function runRequestParts({ program, args = [], env = {}, files = {} }) {
  const params = new URLSearchParams()
  for (const a of args) params.append('arg', a)
  for (const [k, v] of Object.entries(env)) params.append('env', `${k}=${v}`)
  const enc = new TextEncoder()
  /** @type {Record<string, string>} */
  const headers = {}
  if (Object.keys(files).length) {
    const json = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, toBase64(typeof v === 'string' ? enc.encode(v) : v)]))
    headers['x-wasi-files'] = encodeURIComponent(JSON.stringify(json))
  }
  const query = params.toString()
  return { path: `/run/${program}${query ? `?${query}` : ''}`, headers }
}

/**
 * The answer's headers for a finished run.
 * @param {{ exitCode?: number | null, trap?: string, stderr: Uint8Array, computeMs: number }} run
 */
export function runHeaders({ exitCode, trap, stderr, computeMs }) {
  return {
    'content-type': 'application/octet-stream',
    ...(trap === undefined ? { 'x-exit-code': String(exitCode) } : { 'x-trap': String(trap).replace(/[^\x20-\x7E]/g, '?') }),
    'x-stderr': toBase64(stderr),
    'x-compute-ms': String(computeMs),
  }
}
