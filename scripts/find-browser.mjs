// pretest: finds a Chromium for Playwright (Debian's /usr/bin/chromium first, then
// Playwright's own), pdftotext for the PDF test, and fonts (Debian's chromium brings none,
// and with no font a page renders no glyphs: the PDF would have no text). When one is
// missing it installs it: with apt as root on Debian/Ubuntu, else Playwright's browser download.
// Exits 1 with what to do when that is not possible.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  for (const path of candidates) {
    if (path && existsSync(path))
      return path
  }
  return undefined
}

/** Whether Chromium has any font file to draw text with (only Linux can have none). */
export function hasFonts() {
  if (process.platform !== 'linux')
    return true
  const dirs = ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.fonts'), join(homedir(), '.local/share/fonts')]
  const anyFont = (dir, depth = 0) => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    }
    catch {
      return false
    }
    return entries.some(e => e.isDirectory()
      ? depth < 4 && anyFont(join(dir, e.name), depth + 1)
      : /\.(ttf|otf|ttc|pfb)$/i.test(e.name))
  }
  return dirs.some(dir => anyFont(dir))
}

export const NO_FONTS_MESSAGE = 'No fonts are installed, so Chromium would render slides without any text '
  + '(Debian/Ubuntu: apt-get install -y fonts-dejavu-core fonts-liberation).'

/** Stops a command that renders slides when no font is installed, saying what it would have made. */
export function requireFonts(command, consequence) {
  if (!hasFonts()) {
    console.error(`${command}: ${NO_FONTS_MESSAGE} ${consequence}`)
    process.exit(1)
  }
}

export async function playwrightsOwn() {
  try {
    const { chromium } = await import('playwright-core')
    const path = chromium.executablePath()
    return existsSync(path) ? path : undefined
  }
  catch {
    return undefined
  }
}

/** A Chromium to drive: Debian's (or CHROMIUM_PATH), else Playwright's own if it was installed. */
export async function findAnyChromium() {
  return findChromium() ?? await playwrightsOwn()
}

export const NO_CHROMIUM_ADVICE = 'Debian/Ubuntu: apt-get install -y chromium; elsewhere: npx playwright install chromium (or set CHROMIUM_PATH)'

const has = command => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
const canApt = () => process.getuid?.() === 0 && has('apt-get')

function aptInstall(packages) {
  console.log(`pretest: installing ${packages.join(' ')} with apt`)
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')} >/dev/null`, { stdio: 'inherit' })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const missing = [
    ...(findChromium() || await playwrightsOwn() ? [] : ['chromium']),
    ...(has('pdftotext') ? [] : ['poppler-utils']),
    ...(hasFonts() ? [] : ['fonts-dejavu-core', 'fonts-liberation']),
  ]
  if (missing.length && canApt())
    aptInstall(missing)
  else if (missing.includes('chromium'))
    spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
  const path = findChromium() ?? await playwrightsOwn()
  if (!path) {
    console.error('No Chromium found for the browser tests. On Debian/Ubuntu: apt-get install -y chromium; '
      + 'elsewhere: npx playwright install chromium (or set CHROMIUM_PATH).')
    process.exit(1)
  }
  if (!has('pdftotext'))
    console.warn('pretest: pdftotext is missing (Debian: poppler-utils; macOS: brew install poppler): the PDF test will fail.')
  if (!hasFonts())
    console.warn(`pretest: ${NO_FONTS_MESSAGE} The PDF test will fail.`)
  console.log(`browser tests use ${path}`)
}
