// npm run preview [-- --base /talk/] [-- --port N] [-- --dir dist]: serves the built deck
// the way a static host would (see lib/serve-dist.mjs).
import process from 'node:process'
import { serveDist } from '../tooling/lib/serve-dist.mjs'

/** @param {string} name a flag @param {string} fallback its value when it is not given */
function arg(name, fallback) {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : fallback
}
const { url } = await serveDist({ dir: arg('--dir', 'dist'), base: arg('--base', '/'), port: Number(arg('--port', '3030')) })
console.log(`serving the built deck at ${url}`)
