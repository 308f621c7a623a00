// Sizes everywhere (slides, scripts, the benchmark) in one unit system: binary units,
// 1 KiB = 1024 bytes, 1 MiB = 1024 KiB. Limits quoted from elsewhere keep their own wording.

export const KiB = 1024
export const MiB = 1024 * KiB

/** "512 B", "8.9 KiB", "13.4 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < KiB)
    return `${bytes} B`
  if (bytes < MiB)
    return `${(bytes / KiB).toFixed(1)} KiB`
  return `${(bytes / MiB).toFixed(1)} MiB`
}

/** A duration given in ms, shown in seconds: "3.1 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/**
 * A duration in milliseconds: "257 ms" (whole by default), "12.5 ms" with `digits` 1;
 * `finerBelow` adds one digit under that many ms ("8.25 ms" but "31.4 ms" with 1 and 10).
 */
export function formatMs(ms: number, digits = 0, finerBelow?: number): string {
  return `${ms.toFixed(finerBelow !== undefined && ms < finerBelow ? digits + 1 : digits)} ms`
}
