// Real workerd with the slide's Worker for the tests of one file: started before
// them, stopped after them (killed if it hangs), even when a test fails.
import { afterAll, beforeAll } from 'vitest'
import { startWorkerd } from '../../demos/cloudflare-worker/workerd-host.mjs'

export function useWorkerd(): () => Awaited<ReturnType<typeof startWorkerd>> {
  let workerd: Awaited<ReturnType<typeof startWorkerd>> | undefined
  beforeAll(async () => {
    workerd = await startWorkerd()
  }, 30_000)
  afterAll(async () => {
    await workerd?.stop()
  })
  return () => workerd!
}
