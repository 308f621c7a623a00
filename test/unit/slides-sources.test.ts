// Every claim the talk makes about the world has a row in slides-sources.md: the slides (or
// READMEs) that carry its marker, its sources, and a date checked within the last month. The
// markers on the slides and the rows of the file must agree both ways, and the numbers a slide
// shows about the world (<Fact id="…" />) come from slides-facts.json, each naming a claim.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { WORLD_FACTS } from '../../demos/shared/world-facts'
import { deckSlides } from '../../tooling/lib/deck-slides'
import { root } from '../../tooling/lib/paths.mjs'

interface Claim { id: string, claim: string, places: string[], sources: string, urls: string[], checked: string }

const MARKER = /\[claim: ([\w-]+)\]/g
const URL_RE = /https?:\/\/[^\s,);]+/g
/** A month, as the talk reads it: a claim checked longer ago than this is re-checked. */
const MAX_AGE_DAYS = 31

function parseSources(text: string): Claim[] {
  return text.split('\n')
    .filter(line => /^\| [a-z0-9-]+ \|/.test(line) && !line.startsWith('| id |') && !line.startsWith('| --- |'))
    .map((line) => {
      const cells = line.slice(1, -1).split(' | ').map(c => c.trim())
      const [id, claim, places, sources, checked] = cells
      return { id, claim, places: places.split(';').map(p => p.trim()).filter(Boolean), sources, urls: sources.match(URL_RE) ?? [], checked }
    })
}

const claims = parseSources(readFileSync(`${root}slides-sources.md`, 'utf8'))
const byId = new Map(claims.map(c => [c.id, c]))
const slides = await deckSlides()
const markersIn = (text: string) => [...text.matchAll(MARKER)].map(m => m[1])
const isFile = (place: string) => place.endsWith('.md')

describe('slides-sources.md', () => {
  it('lists claims, each once, with five cells', () => {
    expect(claims.length).toBeGreaterThan(0)
    expect(new Set(claims.map(c => c.id)).size).toBe(claims.length)
    for (const c of claims) {
      expect(c.claim, c.id).toBeTruthy()
      expect(c.places.length, `${c.id} names where it is said`).toBeGreaterThan(0)
      expect(c.sources, `${c.id} has sources`).toBeTruthy()
    }
  })

  // A claim older than a month is listed to re-check, not failed: the suite of a commit must not turn
  // red because the calendar moved on (the next audit re-checks and re-dates them).
  it('dates every claim (none in the future) and lists those due for a re-check', () => {
    const now = Date.now()
    const due: string[] = []
    for (const c of claims) {
      expect(c.checked, `${c.id}: a date checked (YYYY-MM-DD)`).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      const age = (now - Date.parse(`${c.checked}T00:00:00Z`)) / 86_400_000
      expect(age, `${c.id}: ${c.checked} is in the future`).toBeGreaterThan(-1)
      if (age > MAX_AGE_DAYS)
        due.push(`${c.id} (${c.checked})`)
    }
    if (due.length)
      console.warn(`slides-sources.md: ${due.length} claims checked more than ${MAX_AGE_DAYS} days ago, re-check them: ${due.join(', ')}`)
  })

  it('has a row for every marker on a slide, with one of its links in that slide\'s notes', () => {
    for (const s of slides) {
      for (const id of markersIn(s.note)) {
        const c = byId.get(id)
        expect(c, `slide ${s.no} "${s.title}" carries [claim: ${id}], which slides-sources.md lacks`).toBeDefined()
        expect(c!.places, `slides-sources.md lists "${s.title}" for ${id}`).toContain(s.title)
        if (c!.urls.length > 0)
          expect(c!.urls.some(u => s.note.includes(u)), `slide ${s.no} "${s.title}": its notes give a link of ${id} (${c!.urls.join(', ')})`).toBe(true)
      }
      expect(markersIn(s.content), `slide ${s.no} "${s.title}": markers go in the notes`).toEqual([])
    }
  })

  it('lists only claims the slides and files it names carry', () => {
    for (const c of claims) {
      for (const place of c.places) {
        if (isFile(place)) {
          const text = readFileSync(`${root}${place}`, 'utf8')
          expect(markersIn(text), `${place} carries <!-- [claim: ${c.id}] -->`).toContain(c.id)
          continue
        }
        const slide = slides.find(s => s.title === place)
        expect(slide, `${c.id}: no slide titled "${place}"`).toBeDefined()
        expect(markersIn(slide!.note), `slide "${place}" carries [claim: ${c.id}] in its notes`).toContain(c.id)
      }
    }
  })
})

describe('slides-facts.json', () => {
  it('names a claim of slides-sources.md for every fact', () => {
    for (const [id, fact] of Object.entries(WORLD_FACTS)) {
      expect(byId.has(fact.claim), `fact ${id} names claim ${fact.claim}, which slides-sources.md lacks`).toBe(true)
      expect(fact.value, id).toBeTruthy()
    }
  })

  it('has every fact a slide shows, on a slide that carries the fact\'s claim', () => {
    for (const s of slides) {
      for (const [, id] of s.content.matchAll(/<Fact id="([\w-]+)"/g)) {
        const fact = WORLD_FACTS[id]
        expect(fact, `slide ${s.no} "${s.title}" shows <Fact id="${id}" />, which slides-facts.json lacks`).toBeDefined()
        expect(markersIn(s.note), `slide ${s.no} "${s.title}" shows ${id}: its notes carry [claim: ${fact.claim}]`).toContain(fact.claim)
      }
    }
  })
})
