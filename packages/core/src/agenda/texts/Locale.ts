// What the agenda engine says to people, as one object per language (`nl.ts`, `en.ts`): the
// renderers of its tagged reasons (`Explanation.ts`). `Agenda.Texts` is the public face; this is
// the shape both languages fill in.
import type { Weight } from "../Carried.js"
import type { MethodName, Reason } from "../Explanation.js"
import type { Summary, Unit } from "../Texts.js"

export interface AgendaLocale {
  readonly methodName: (method: MethodName) => string
  readonly reason: (unit: Unit, reason: Reason) => string
  readonly ageing: (waitingMeetings: number, percent: number) => string
  readonly summary: (unit: Unit, summary: Summary) => string
  readonly carried: (weight: Weight) => string
}
