// The import object a jco-transpiled component takes ("async" instantiation): every
// interface of preview2-shim (its Node or its browser build), keyed the way the
// transpiled JS asks for it: cli.terminalInput is "wasi:cli/terminal-input".

/**
 * @param {Record<string, Record<string, unknown>>} shim the shim's packages: { cli, clocks, filesystem, io, random, ... }
 * @returns {Record<string, unknown>} the imports, by interface name
 */
export function wasiImports(shim) {
  /** @type {Record<string, unknown>} */
  const imports = {}
  for (const [pkg, interfaces] of Object.entries(shim)) {
    for (const [name, value] of Object.entries(interfaces)) {
      if (!name.startsWith('_') && value && typeof value === 'object')
        imports[`wasi:${pkg}/${name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`] = value
    }
  }
  return imports
}
