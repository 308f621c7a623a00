// npm's postinstall, one command: drops the node_modules/.bin/node link that Node 24 or 26
// would shadow node with (unshadow-node.mjs), then brings Zig into .zig/ (install-zig.mjs).
import './unshadow-node.mjs'
import './install-zig.mjs'
