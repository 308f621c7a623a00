// What bounds a Cloudflare Worker today. Sources (checked 2026-11-26) are in the notes of
// the slide "Small enough for the edge": Cloudflare's changelog of 2026-09-04 and the
// Workers limits page.

/** Since 2026-09-04 one uncompressed limit on every plan (before: 3 MB/10 MB compressed). */
export const WORKER_SIZE_LIMIT = { label: '64 MiB, the Worker size limit on every plan', bytes: 64 * 1024 * 1024 }
