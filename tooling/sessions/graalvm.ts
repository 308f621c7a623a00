// The JVM rows, installed by npm run runtimes:install (tooling/install/graalvm.ts), each a
// fresh `java` per run on Temurin 25 with the Graal JIT enabled the way GraalVM's embedding
// guide gives for OpenJDK (-XX:+EnableJVMCI, the compiler jar on --upgrade-module-path):
// - GraalWasm: demos/graalvm WasiHost, GraalWasm's own WASI preview 1 (no JS);
// - GraalJS + GraalWasm: demos/graalvm JsHost running the deck's runner core (bundled by
//   esbuild once per session, before any timing) in GraalJS, WebAssembly on GraalWasm.
import { readFileSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { findJdk25, GRAALVM_PROJECT, GRAALVM_VERSION } from '../install/graalvm.ts'
import { root, wasmPath } from '../lib/process-hosts.ts'
import { installedProcess } from './installed-process.ts'

/**
 * A JVM run: start-up, Truffle's and the Graal JIT's warm-up and the module all fit in it, on a loaded
 * machine too (measured 2026-12-02 at a load average of 25 on 2 cores: GraalJS took 166 s wall, 21 s
 * of CPU, for the 1 MiB case).
 */
export const JVM_RUN_DEADLINE_MS = 300_000
/** Every case is a JVM of its own: 11 of them take many minutes on a loaded machine. */
export const JVM_VERIFY_DEADLINE_MS = 1_800_000

/** Measured here (2026-12-02) and read in GraalWasm's source (wasi/fd/DirectoryFd.java, pathOpen). */
export const GRAALWASM_ENOENT = 'GraalWasm 25.0.2\'s path_open answers EIO, not ENOENT, for a missing file (DirectoryFd.pathOpen returns Errno.Io for every IOException), so Zig reports "Unexpected" where node:wasi gives "FileNotFound"; the exit code (2) is the same'

function java(home: string, modulePath: string, main: string): string[] {
  const jdk = findJdk25()
  if (!jdk)
    throw new Error('no Java 25 JDK: set JAVA25_HOME')
  return [
    join(jdk, 'bin/java'),
    // Optimized via VM option and --upgrade-module-path (GraalVM's embedding guide, "Runtime Optimization Support").
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+EnableJVMCI',
    `--upgrade-module-path=${join(home, 'compiler')}`,
    // Truffle loads its native helper and uses sun.misc.Unsafe: allowed, so Java 25 prints no warning on stderr.
    '--enable-native-access=org.graalvm.truffle',
    '--sun-misc-unsafe-memory-access=allow',
    '--module-path',
    `${join(home, 'hosts.jar')}:${join(home, modulePath)}`,
    '--module',
    `talk.graalvm/talk.graalvm.${main}`,
  ]
}

async function version(): Promise<string | undefined> {
  const jdk = findJdk25()
  const release = jdk ? readFileSync(join(jdk, 'release'), 'utf8') : ''
  const vm = /IMPLEMENTOR_VERSION="([^"]+)"/.exec(release)?.[1] ?? /JAVA_VERSION="([^"]+)"/.exec(release)?.[1]
  return `${GRAALVM_VERSION}${vm ? ` on ${vm}` : ''}`
}

/** The hosts' flags, as Node's host takes them: the preopened "/", the environment, the timing file. */
function flags(dir: string, env: Record<string, string> | undefined, timingFile: string | undefined): string[] {
  return [
    '--dir',
    dir,
    ...Object.entries(env ?? {}).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
    ...(timingFile ? ['--timing', timingFile] : []),
  ]
}

export const graalWasm = installedProcess({
  id: 'graalwasm',
  name: 'GraalWasm (Java host)',
  engine: 'GraalWasm on Truffle, Graal JIT (no JS)',
  host: 'demos/graalvm/src/main/java/talk/graalvm/WasiHost.java',
  verified: 'GraalWasm\'s own WASI preview 1 (wasm.Builtins) behind a Java host, on Temurin 25 with the Graal JIT (Maven Central polyglot + wasm)',
  install: 'graalvm',
  cannot: c => (c.id === 'read-file: missing (exit 2)' ? GRAALWASM_ENOENT : undefined),
  timesCompute: true,
  timeoutMs: JVM_RUN_DEADLINE_MS,
  deadlineMs: JVM_VERIFY_DEADLINE_MS,
  argv: ({ home, dir, input, wasm, timingFile }) => [...java(home, 'wasm-lib', 'WasiHost'), ...flags(dir, input.env, timingFile), wasm, ...(input.args ?? [])],
  version,
})

/** The JS GraalJS runs, bundled for this session (graaljs-entry.ts and the runner core it imports). */
let bundle: string | undefined

export const graalJs = installedProcess({
  id: 'graaljs',
  name: 'GraalJS + GraalWasm',
  engine: 'GraalJS; WebAssembly on GraalWasm, Graal JIT',
  host: 'demos/graalvm/graaljs-entry.ts (the runner core), src/main/java/talk/graalvm/JsHost.java',
  verified: 'the deck\'s runner core on @bjorn3/browser_wasi_shim, run by GraalJS with its WebAssembly API (js.webassembly) on GraalWasm, on Temurin 25 (Maven Central polyglot + js-community + wasm)',
  install: 'graalvm',
  timesCompute: true,
  timeoutMs: JVM_RUN_DEADLINE_MS,
  deadlineMs: JVM_VERIFY_DEADLINE_MS,
  argv: ({ home, dir, input, wasm, timingFile }) => {
    if (!bundle)
      throw new Error('GraalJS: the runner core was not bundled')
    return [...java(home, 'js-lib', 'JsHost'), bundle, ...flags(dir, input.env, timingFile), wasm, ...(input.args ?? [])]
  },
  version,
  async prepare() {
    const out = await mkdtemp(join(tmpdir(), 'graaljs-'))
    bundle = join(out, 'graaljs-host.js')
    await build({
      entryPoints: [join(GRAALVM_PROJECT, 'graaljs-entry.ts')],
      absWorkingDir: root,
      bundle: true,
      format: 'iife',
      globalName: 'GraalHost', // JsHost calls GraalHost.run(io)
      target: 'es2022',
      outfile: bundle,
      logLevel: 'silent',
    })
    return {
      wasm: wasmPath,
      close: () => {
        bundle = undefined
        rmSync(out, { recursive: true, force: true })
      },
    }
  },
})
