import { messageOf } from '../../demos/shared/errors.ts'

/** An error as one line: its lines joined, box drawing and repeated spaces dropped, at most 300 characters. */
export function oneLine(e: unknown): string {
  // eslint-disable-next-line no-control-regex
  const text = messageOf(e).replace(/\x1B\[[0-9;]*m/g, '').split('\n').map(l => l.replace(/[═║╔╗╚╝─│]+/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean).join(' / ')
  return text.length > 300 ? `${text.slice(0, 299)}…` : text
}
