/** How far ahead of the audience a slide starts loading: the previous and the next one. */
export const PRELOAD_DISTANCE = 1

/** The slide numbers (1-based) to load while slide `current` of `count` is shown, itself excluded. */
export function slidesToPreload(current: number, count: number, distance = PRELOAD_DISTANCE): number[] {
  const near: number[] = []
  for (let no = Math.max(1, current - distance); no <= Math.min(count, current + distance); no++) {
    if (no !== current)
      near.push(no)
  }
  return near
}
