// Fetches a file of the deck once per URL; a failure is not cached, so the next
// caller tries again.

const cache = new Map<string, Promise<unknown>>()

export function fetchOnce<T>(url: string, read: (response: Response) => Promise<T>): Promise<T> {
  let result = cache.get(url) as Promise<T> | undefined
  if (!result) {
    result = fetch(url).then((response) => {
      if (!response.ok)
        throw new Error(`could not load ${url}: ${response.status} ${response.statusText}`.trim())
      return read(response)
    })
    cache.set(url, result)
    result.catch(() => cache.delete(url))
  }
  return result
}
