// One key press, one step. Slidev repeats a held navigation key after 1 s; on a busy
// machine (a demo spinning, a heavy slide mounting) the page can stall longer than that
// between a key going down and coming up, and the stall counted as holding it: one
// ArrowRight moved two slides. The speaker presses again instead.
import { defineShortcutsSetup } from '@slidev/types'

export default defineShortcutsSetup((_nav, base) => base.map(shortcut => ({ ...shortcut, autoRepeat: false })))
