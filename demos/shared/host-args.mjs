// The command line every JS host takes (node:wasi in Node, Deno and Bun; the component host),
// parsed one way:
//   [--dir DIR] [--preopen NAME=DIR]... [--env K=V]... [--timing FILE] module.wasm [args...]
// --dir DIR preopens DIR as "/"; --preopen preopens DIR under NAME (in the order given, from
// fd 3); --timing FILE: the host writes how long the program ran into FILE (host-timing.mjs).

const USAGE = 'usage: [--dir DIR] [--preopen NAME=DIR]... [--env K=V]... [--timing FILE] module.wasm [args...]'

/** @typedef {{ env: Record<string, string>, preopens: Record<string, string>, timing?: string, wasmPath: string, args: string[] }} HostArgs what the host gives WASI */

/** Bad input: one line on stderr and exit code 2 (`process` is the global one in Node, Deno and Bun). */
function exitWithUsage(/** @type {string} */ message) {
  console.error(message)
  // eslint-disable-next-line node/prefer-global/process -- importing node:process would make a piped stdout non-blocking (host-timing.mjs)
  return process.exit(2)
}

/**
 * @param {readonly string[]} argv the arguments after the host's own name
 * @param {(message: string) => never} [fail] what a bad command line does (by default: says so and exits 2)
 * @returns {HostArgs} the parsed command line
 */
export function hostArgs(argv, fail = exitWithUsage) {
  const rest = [...argv]
  /** @type {HostArgs} */
  const host = { env: {}, preopens: {}, wasmPath: '', args: [] }
  while (rest[0]?.startsWith('--')) {
    const [flag, value] = rest.splice(0, 2)
    if (value === undefined)
      fail(`${flag} needs a value; ${USAGE}`)
    const [name, ...parts] = value.split('=')
    if (flag === '--env')
      host.env[name] = parts.join('=')
    else if (flag === '--dir')
      host.preopens['/'] = value
    else if (flag === '--preopen')
      host.preopens[name] = parts.join('=')
    else if (flag === '--timing')
      host.timing = value
    else
      fail(`unknown flag ${flag}; ${USAGE}`)
  }
  if (!rest.length)
    fail(`no module given; ${USAGE}`)
  ;[host.wasmPath, ...host.args] = rest
  return host
}
