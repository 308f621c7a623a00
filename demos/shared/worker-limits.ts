// What bounds a Cloudflare Worker today. The numbers live in slides-facts.json; their sources
// (Cloudflare's changelog of the change and the Workers limits page) are the claim
// "cloudflare-worker-size-limit" in slides-sources.md.
import { worldFact } from './world-facts'

const size = worldFact('worker-size-limit')

/** One uncompressed limit on every plan (before the change: 3 MB/10 MB compressed). */
export const WORKER_SIZE_LIMIT = { label: `${size.value}, the Worker size limit on every plan`, bytes: size.bytes ?? Number.NaN }
