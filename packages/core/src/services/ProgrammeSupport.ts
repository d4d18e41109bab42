/**
 * Setting a gathering's programme, shared by `closeVoting` and `changeProgramme`. Private: the
 * use-case modules build on it.
 */
import { Effect } from "effect"
import { Gathering, type ProgrammeItem } from "../domain/Gathering.js"
import { Theme } from "../domain/Theme.js"
import type { VotingRound } from "../domain/VotingRound.js"
import type { Notification } from "../notify/Templates.js"
import type { OutboxMessage, Write } from "../ports/Store.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import { eventOf, inviteesOf, pendingAbout, withAttendees, withdrawal } from "./GatheringSupport.js"
import { addressee, notify, puts, type Session } from "./Runner.js"

/** What setting a programme writes and sends. */
export interface ProgrammeChange {
  readonly gathering: Gathering
  readonly writes: ReadonlyArray<Write>
  readonly outbox: ReadonlyArray<OutboxMessage>
  readonly outboxRemovals: ReadonlyArray<string>
  /** Themes that left the programme and are back on the backlog. */
  readonly dropped: ReadonlyArray<string>
  /** Themes that joined it. */
  readonly added: ReadonlyArray<string>
  /** Members sent an update (0 before the invitations are out). */
  readonly updated: number
}

/**
 * Sets a gathering's programme: the new themes become `scheduled`, the dropped ones go back to
 * the `backlog`, and when the invitations are out the gathering's SEQUENCE goes up and every
 * invitee is sent the updated invitation (pending invitations of the earlier version are
 * withdrawn). Shared by `closeVoting` and {@link changeProgramme}.
 */
export const applyProgramme = (
  session: Session,
  gathering: Repository.Versioned<Gathering>,
  programme: ReadonlyArray<ProgrammeItem>
) =>
  Effect.gen(function* () {
    const themes = yield* Repository.all(session.store, Kinds.Themes)
    const before = new Set<string>(gathering.value.programme.map((p) => p.themeId))
    const after = new Set<string>(programme.map((p) => p.themeId))
    const added = [...after].filter((id) => !before.has(id))
    const dropped = [...before].filter((id) => !after.has(id))
    const themeWrites = themes.flatMap((t) => {
      if (after.has(t.value.id) && t.value.status === "backlog")
        return [{ value: new Theme({ ...t.value, status: "scheduled" }), version: t.version }]
      if (!after.has(t.value.id) && before.has(t.value.id) && t.value.status === "scheduled")
        return [{ value: new Theme({ ...t.value, status: "backlog" }), version: t.version }]
      return []
    })
    const invited = gathering.value.status === "invited"
    const changed = added.length > 0 || dropped.length > 0 || !sameOrder(gathering.value.programme, programme)
    const next = new Gathering({
      ...gathering.value,
      programme,
      sequence: invited && changed ? gathering.value.sequence + 1 : gathering.value.sequence
    })
    let outbox: ReadonlyArray<OutboxMessage> = []
    let outboxRemovals: ReadonlyArray<string> = []
    let updated = 0
    if (invited && changed) {
      const [members, stale, event] = yield* Effect.all([
        inviteesOf(session, next),
        pendingAbout(session, { kind: "gathering", id: next.id }, (e) => e.type === "gathering.invited"),
        eventOf(session, next)
      ])
      const titles = new Map(themes.map((t) => [t.value.id as string, t.value.title]))
      const change = [
        ...(added.length === 0
          ? []
          : [`Nieuw op het programma: ${added.map((id) => titles.get(id) ?? id).join(", ")}`]),
        ...(dropped.length === 0
          ? []
          : [`Van het programma af: ${dropped.map((id) => titles.get(id) ?? id).join(", ")}`])
      ].join("\n")
      outbox = yield* notify(
        session,
        members.map(
          (m): Notification => ({
            _tag: "GatheringChanged",
            recipient: addressee(m),
            event: withAttendees(event, [m]),
            ...(change === "" ? {} : { change })
          })
        )
      )
      outboxRemovals = withdrawal(stale).outboxRemovals
      updated = members.length
    }
    return {
      gathering: next,
      writes: [
        ...(yield* puts(Kinds.Gatherings, [{ value: next, version: gathering.version }])),
        ...(yield* puts(Kinds.Themes, themeWrites))
      ],
      outbox,
      outboxRemovals,
      dropped,
      added,
      updated
    } satisfies ProgrammeChange
  })

const sameOrder = (a: ReadonlyArray<ProgrammeItem>, b: ReadonlyArray<ProgrammeItem>) =>
  a.length === b.length && a.every((p, i) => p.themeId === b[i]?.themeId && p.durationMinutes === b[i]?.durationMinutes)

/** The programme a closed vote chose, in order. */
export const programmeOf = (round: VotingRound): ReadonlyArray<ProgrammeItem> | undefined =>
  round.result?.outcomes
    .filter((o) => o.inProgramme)
    .map((o) => ({ themeId: o.themeId, durationMinutes: o.durationMinutes }))

/** Titles compared as people read them: case and spacing aside. */
export const sameTitle = (a: string, b: string): boolean =>
  a.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("nl") ===
  b.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("nl")
