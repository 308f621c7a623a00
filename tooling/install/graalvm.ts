// GraalVM's polyglot runtime from Maven Central, for two rows: GraalWasm behind a Java host,
// and GraalJS running the deck's runner core with its WebAssembly API on GraalWasm. Maven
// builds demos/graalvm/ (its pom.xml pins every version, plugins included) on a Java 25 JDK
// into .runtimes/graalvm/: hosts.jar, wasm-lib/ and js-lib/ (each host's module path) and
// compiler/ (the Graal JIT as a jar, for Temurin's JVMCI). The Maven repository is the
// project's own, .runtimes/maven/, beside the install and not inside it: nothing is written to
// the user's ~/.m2, `rm -rf .runtimes` removes it all, an install from an empty one shows the
// real fetch time, and a re-install (another pin) or `mvn -o` reuses what was fetched.
import type { Installer } from '../lib/runtime-installs.ts'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { root } from '../lib/paths.mjs'
import { RUNTIMES_DIR } from '../lib/runtime-installs.ts'

export const GRAALVM_PROJECT = join(root, 'demos/graalvm')
/** The project's Maven repository for this build (see above). */
export const MAVEN_REPO = join(RUNTIMES_DIR, 'maven')
/** The polyglot version, from its one home: demos/graalvm/pom.xml. */
export const GRAALVM_VERSION = /<graalvm\.version>([^<]+)</.exec(readFileSync(join(GRAALVM_PROJECT, 'pom.xml'), 'utf8'))![1]

/** A JDK of at least Java 25 (the default java here is 17): JAVA25_HOME, JAVA_HOME, or Temurin 25. */
export function findJdk25(): string | undefined {
  const candidates = [process.env.JAVA25_HOME, process.env.JAVA_HOME, '/usr/lib/jvm/temurin-25-jdk-amd64'].filter((d): d is string => !!d)
  return candidates.find((home) => {
    const release = join(home, 'release')
    const major = existsSync(release) ? Number(/JAVA_VERSION="(\d+)/.exec(readFileSync(release, 'utf8'))?.[1]) : 0
    return major >= 25 && existsSync(join(home, 'bin/java'))
  })
}

const installer: Installer = {
  id: 'graalvm',
  pinned: `GraalWasm + GraalJS ${GRAALVM_VERSION} (Maven Central org.graalvm.polyglot: polyglot, wasm, js-community; org.graalvm.compiler:compiler), Java 25`,
  async install(dir, { run, log }) {
    const jdk = findJdk25()
    if (!jdk)
      throw new Error('no Java 25 JDK: set JAVA25_HOME (Temurin 25 is /usr/lib/jvm/temurin-25-jdk-amd64 here)')
    log(`mvn package with ${jdk}, Maven repository ${MAVEN_REPO}`)
    await run(['mvn', '--batch-mode', '--quiet', `-Dmaven.repo.local=${MAVEN_REPO}`, `-Dgraalvm.out=${dir}`, `-Dgraalvm.build=${join(dir, 'build')}`, '-f', join(GRAALVM_PROJECT, 'pom.xml'), 'package'], {
      env: { ...process.env, JAVA_HOME: jdk, MAVEN_OPTS: '--sun-misc-unsafe-memory-access=allow' },
    }).catch((e: Error) => {
      throw /ENOENT/.test(e.message) ? new Error('Maven (mvn) is not on PATH: apt-get install maven') : e
    })
    rmSync(join(dir, 'build'), { recursive: true, force: true })
  },
}
export default installer
