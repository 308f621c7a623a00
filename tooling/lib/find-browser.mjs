// Finds what the browser tests and the PDF need: a Chromium for Playwright (Debian's
// /usr/bin/chromium first, then Playwright's own), pdftotext, and fonts (Debian's chromium
// brings none, and with no font a page renders no glyphs: the PDF would have no text).
// scripts/pretest.mjs installs what is missing.
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  return candidates.find(path => path && isProgram(path))
}

/** An executable regular file (a path masked with /dev/null, or a directory, is not). @param {string} path */
function isProgram(path) {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile()
  }
  catch {
    return false
  }
}

/** Debian's Firefox ESR (or FIREFOX_PATH), or undefined: npm run runtimes drives it for the SpiderMonkey row. */
export function findFirefox() {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(path => path && isProgram(path))
}

/** A Chromium to drive: Debian's (or CHROMIUM_PATH), else Playwright's own if it was installed. */
export async function findAnyChromium() {
  return findChromium() ?? await playwrightsOwn()
}

export const NO_CHROMIUM_ADVICE = 'Debian/Ubuntu: apt-get install -y chromium; elsewhere: npx playwright install chromium (or set CHROMIUM_PATH)'

/** Whether Chromium has any font file to draw text with (only Linux can have none). */
export function hasFonts() {
  if (process.platform !== 'linux')
    return true
  const dirs = ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.fonts'), join(homedir(), '.local/share/fonts')]
  /** @type {(dir: string, depth?: number) => boolean} */
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
      : /\.(?:ttf|otf|ttc|pfb)$/i.test(e.name))
  }
  return dirs.some(dir => anyFont(dir))
}

export const NO_FONTS_MESSAGE = 'No fonts are installed, so Chromium would render slides without any text '
  + '(Debian/Ubuntu: apt-get install -y fonts-dejavu-core fonts-liberation).'

/**
 * Stops a command that renders slides when no font is installed, saying what it would have made.
 * @param {string} command the command's name @param {string} consequence what is not made
 */
export function requireFonts(command, consequence) {
  if (!hasFonts()) {
    console.error(`${command}: ${NO_FONTS_MESSAGE} ${consequence}`)
    process.exit(1)
  }
}

/** Playwright's own Chromium, when it has been downloaded. */
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

/** Whether a command is on PATH. */
export const has = (/** @type {string} */ command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
