// npm test's pretest: installs what the browser tests need when it is missing (a Chromium,
// Firefox ESR for the runtime comparison, pdftotext, fonts): with apt as root on Debian/Ubuntu, else Playwright's browser download.
// Exits 1 with what to do when that is not possible.
import { execSync, spawnSync } from 'node:child_process'
import process from 'node:process'
import { findAnyChromium, findChromium, findFirefox, has, hasFonts, NO_CHROMIUM_ADVICE, NO_FONTS_MESSAGE, playwrightsOwn } from '../tooling/lib/find-browser.mjs'

const canApt = () => process.getuid?.() === 0 && has('apt-get')

/** @param {string[]} packages Debian's package names */
function aptInstall(packages) {
  console.log(`pretest: installing ${packages.join(' ')} with apt`)
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')} >/dev/null`, { stdio: 'inherit' })
}

const missing = [
  ...(findChromium() || await playwrightsOwn() ? [] : ['chromium']),
  ...(findFirefox() ? [] : ['firefox-esr']),
  ...(has('pdftotext') ? [] : ['poppler-utils']),
  ...(hasFonts() ? [] : ['fonts-dejavu-core', 'fonts-liberation']),
]
if (missing.length && canApt())
  aptInstall(missing)
else if (missing.includes('chromium'))
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
const path = await findAnyChromium()
if (!path) {
  console.error(`No Chromium found for the browser tests (${NO_CHROMIUM_ADVICE}).`)
  process.exit(1)
}
if (!findFirefox())
  console.warn('pretest: Firefox ESR is missing (Debian: apt-get install -y firefox-esr, or set FIREFOX_PATH): the runtime comparison test will fail.')
if (!has('pdftotext'))
  console.warn('pretest: pdftotext is missing (Debian: poppler-utils; macOS: brew install poppler): the PDF test will fail.')
if (!hasFonts())
  console.warn(`pretest: ${NO_FONTS_MESSAGE} The PDF test will fail.`)
console.log(`browser tests use ${path}`)
