// What the agenda engine says to people, as one object per language (`nl.ts`, `en.ts`): the
// renderers of its tagged reasons (`Explanation.ts`). `Agenda.Texts` is the public face; this is
// the shape both languages fill in.
import type { Weight } from "../Carried.js"
import type { MethodName, Reason } from "../Explanation.js"
import type { Summary, Unit } from "../Texts.js"

/**
 * Everything the agenda engine says, in one language: the sentence of each reason, the name of each method, the summary of an outcome and the note on a member's carried weight. `Agenda.Texts.of(language)` gives the one for a language.
 *
 * @since 0.2.0
 */
export interface AgendaLocale {
  readonly methodName: (method: MethodName) => string
  readonly reason: (unit: Unit, reason: Reason) => string
  readonly ageing: (waitingMeetings: number, percent: number) => string
  readonly summary: (unit: Unit, summary: Summary) => string
  readonly carried: (weight: Weight) => string
}
