// The talk as the speaker gives it: a main line of 25 to 35 slides that fits 30 to 40 minutes,
// backup slides after "Thank you", and notes that say how long, what to click, and what to show
// when a live demo fails.
import { describe, expect, it } from 'vitest'
import { deckSlides } from '../../tooling/lib/deck-slides'

const slides = await deckSlides()
const end = slides.findIndex(s => s.title === 'Thank you')
const main = slides.slice(0, end + 1)
const backups = slides.slice(end + 1)
const minutes = (note: string) => Number(/^\[([\d.]+) min\]/.exec(note.trim())?.[1])
const LIVE = /<WasiRun|<WorkerPlayground|<RuntimeTable timings|<CommandVsReactor|monaco-run/

describe('the talk', () => {
  it('has a main line of 25 to 35 slides ending with "Thank you", then backups', () => {
    expect(end).toBeGreaterThan(0)
    expect(main.length).toBeGreaterThanOrEqual(25)
    expect(main.length).toBeLessThanOrEqual(35)
    expect(backups.length).toBeGreaterThan(0)
  })

  it('gives every main-line slide a time budget, 30 to 40 minutes in all', () => {
    for (const s of main)
      expect(minutes(s.note), `slide ${s.no} "${s.title}" starts its notes with [N min]`).toBeGreaterThan(0)
    const total = main.reduce((sum, s) => sum + minutes(s.note), 0)
    expect(total).toBeGreaterThanOrEqual(30)
    expect(total).toBeLessThanOrEqual(40)
  })

  it('marks the backups and says what to click on every slide', () => {
    for (const s of backups)
      expect(s.note.trim(), `slide ${s.no} "${s.title}"`).toMatch(/^\[backup\]/)
    for (const s of slides)
      expect(s.note, `slide ${s.no} "${s.title}"`).toMatch(/Click:/)
  })

  it('says what to show when a live demo fails', () => {
    for (const s of main.filter(s => LIVE.test(s.content)))
      expect(s.note, `slide ${s.no} "${s.title}"`).toMatch(/If it fails/)
  })

  it('shows each demo once', () => {
    const demos = slides.flatMap(s => [...s.content.matchAll(/<WasiRun program="([\w-]+)"/g)].map(m => m[1]))
    expect(demos.length).toBe(new Set(demos).size)
  })
})
