/**
 * Privacy (AVG / GDPR) and openness (Woo): a member's data exported on request, a member
 * forgotten while the community's history stays consistent, the community's decisions exported
 * for a Woo request with every redaction marked with its ground, and the audit log.
 *
 * @since 0.1.0
 */
import { DateTime, Effect, Option, Redacted, Schema } from "effect"
import { AvailabilityPoll, PollResponse } from "../domain/AvailabilityPoll.js"
import { Ballot } from "../domain/Ballot.js"
import { Case } from "../domain/Case.js"
import { Timestamp } from "../domain/DateTimes.js"
import { Email } from "../domain/Email.js"
import { FairnessRecord } from "../domain/FairnessRecord.js"
import { Gathering } from "../domain/Gathering.js"
import { Intake } from "../domain/Intake.js"
import { LearningGroup } from "../domain/LearningGroup.js"
import { Member } from "../domain/Member.js"
import { Theme } from "../domain/Theme.js"
import { VotingRound } from "../domain/VotingRound.js"
import { type CommunityStore, everyPage, type OutboxEntry } from "../ports/Store.js"
import * as Kinds from "../repository/Kinds.js"
import * as Repository from "../repository/Repository.js"
import { FORGOTTEN_NAME } from "./Acting.js"
import { zoneOf } from "./GatheringSupport.js"
import { MemberRef } from "./Members.js"
import * as NameFinder from "./NameFinder.js"
import * as ReadPolicy from "./ReadPolicy.js"
import { authorize, begin, commit, input, puts, required } from "./Runner.js"

const encode = <A, I>(schema: Schema.Schema<A, I>) => Schema.encodeSync(schema)

const allAudit = (store: CommunityStore) => everyPage(store.audit)

/**
 * Everything stored about one member, as JSON (AVG article 15): their record, intakes (with the
 * notes about them), the cases they wrote, their ballots and poll answers, the groups they were
 * in, the gatherings they were invited to with their RSVPs and attendance, their fairness records of the carried votes (what they were
 * owed and what they got), the messages sent to them and the audit entries of their own actions. For the member, the programme team and administrators; each field follows the read
 * policy ({@link ReadPolicy.table}): the member gets everything about them, the programme team
 * sees no ballot and no case text (unless it facilitates the case's group), an administrator no
 * intake notes, case texts, ballots, poll answers or fairness records. A field the actor may not read is replaced
 * by a `{ withheld: true, field, reason }` marker.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Services } from "@grenzeloos/core"
 *
 * const ann = { _tag: "Member", communityId: "rijk", memberId: "m-001" } as const
 * const program = Effect.map(Services.Privacy.exportMember(ann, { memberId: "m-001" }), (data) =>
 *   JSON.stringify(data, null, 2)
 * )
 * ```
 * @since 0.1.0
 */
export const exportMember = Effect.fn("Privacy.exportMember")(function* (
  actor: unknown,
  value: typeof MemberRef.Encoded
) {
  const session = yield* begin(actor)
  const { memberId } = yield* input(MemberRef, "member")(value)
  yield* authorize(session, "member.export", { _tag: "Member", communityId: session.actor.communityId, memberId })
  const member = yield* required(session, Kinds.Members, memberId, "memberId")
  const [intakes, cases, ballots, responses, groups, gatherings, audit, messages, community, fairness] =
    yield* Effect.all([
      Repository.all(session.store, Kinds.Intakes, { memberId }),
      Repository.all(session.store, Kinds.Cases, { authorId: memberId }),
      Repository.all(session.store, Kinds.Ballots, { memberId }),
      Repository.all(session.store, Kinds.PollResponses, { memberId }),
      Repository.all(session.store, Kinds.LearningGroups, { memberId }),
      Repository.all(session.store, Kinds.Gatherings),
      allAudit(session.store),
      outboxFor(session.store, memberId),
      Repository.get(session.store, Kinds.Communities, session.store.communityId),
      Repository.all(session.store, Kinds.FairnessRecords, { memberId })
    ])
  const viewer = session.actor
  const about: ReadPolicy.Subject = { memberId }
  const show = <A>(field: ReadPolicy.Field, read: () => A, subject: ReadPolicy.Subject = about) =>
    ReadPolicy.shown(viewer, field, subject, read)
  const groupOf = new Map(groups.map((g) => [g.value.id as string, g.value]))
  for (const { value: c } of cases)
    if (!groupOf.has(c.groupId)) {
      const group = yield* Repository.get(session.store, Kinds.LearningGroups, c.groupId)
      if (Option.isSome(group)) groupOf.set(c.groupId, group.value.value)
    }
  const openPoll = Option.exists(community, (c) => c.value.pollAnswers === "open")
  const { email: _email, ...record } = encode(Member)(member.value)
  const me = `member:${memberId}`
  const result = {
    exportedAt: DateTime.formatIso(session.now),
    member: {
      ...record,
      email: show("address", () => Redacted.value(member.value.email) as string),
      interests: show("interests", () => record.interests)
    },
    intakes: intakes.map(({ value: i }) => {
      const { notes, ...rest } = encode(Intake)(i)
      return notes === undefined ? rest : { ...rest, notes: show("intake-notes", () => notes) }
    }),
    casesWritten: cases.map(({ value: c }) => {
      const group = groupOf.get(c.groupId)
      const inGroup: ReadPolicy.Subject = {
        memberId,
        groupMemberIds: group?.memberIds,
        groupFacilitatorId: group?.facilitatorId
      }
      const { title, description, ...rest } = encode(Case)(c)
      return { ...rest, text: show("case-text", () => ({ title, description }), inGroup) }
    }),
    ballots: ballots.map(({ value: b }) => {
      const { content, ...rest } = encode(Ballot)(b)
      return { ...rest, content: show("ballot", () => content) }
    }),
    pollAnswers: responses.map(({ value: r }) => {
      const { answers, ...rest } = encode(PollResponse)(r)
      return { ...rest, answers: show("poll-answers", () => answers, { memberId, openPoll }) }
    }),
    learningGroups: groups.map(({ value: g }) => ({
      id: g.id,
      name: g.name,
      roundId: g.roundId,
      formedAt: DateTime.formatIso(g.formedAt),
      members: g.memberIds.length
    })),
    gatherings: gatherings.flatMap(({ value: g }) => {
      const rsvp = g.rsvps.find((r) => r.memberId === memberId)
      const invited = g.invitees.includes(memberId)
      const attended = g.attendance.includes(memberId)
      return rsvp === undefined && !attended && !invited
        ? []
        : [{ id: g.id, title: g.title, quarter: g.quarter, invited, rsvp: rsvp?.response ?? null, attended }]
    }),
    fairnessRecords: [...fairness]
      .sort((a, b) => a.value.meeting - b.value.meeting)
      .map(({ value: r }) => {
        const { communityId: _community, memberId: _member, ...account } = encode(FairnessRecord)(r)
        return {
          id: r.id,
          votingRoundId: r.votingRoundId,
          meeting: r.meeting,
          account: show("fairness-records", () => account)
        }
      }),
    messages: messages.map((m) => ({
      id: m.id,
      topic: m.topic,
      status: m.status,
      createdAt: new Date(m.createdAt).toISOString()
    })),
    ownActions: audit
      .filter((a) => a.actor === me)
      .map((a) => ({ at: new Date(a.at).toISOString(), action: a.action, subject: a.subject ?? null }))
  }
  yield* commit(session, "member.export", { writes: [], subject: { kind: "member", id: memberId } })
  return result
})

/**
 * What {@link exportMember} returns: plain JSON values, ready for `JSON.stringify`.
 *
 * @since 0.1.0
 */
export type MemberExport = Effect.Effect.Success<ReturnType<typeof exportMember>>

const outboxFor = (store: CommunityStore, memberId: string) =>
  outboxWhere(store, (m) => addressedTo(m.payload, memberId))

const outboxWhere = (store: CommunityStore, keep: (entry: OutboxEntry) => boolean) =>
  Effect.map(everyPage(store.outbox), (entries) => entries.filter(keep))

// A rendered message (the outbox payload of a notification) names its recipients by member id.
const addressedTo = (payload: unknown, memberId: string): boolean => {
  const recipients =
    typeof payload === "object" && payload !== null ? (payload as { recipients?: unknown }).recipients : undefined
  return (
    Array.isArray(recipients) &&
    recipients.some((r) => typeof r === "object" && r !== null && (r as { memberId?: unknown }).memberId === memberId)
  )
}

/** What a forgotten member's personal data is replaced with. */
const REMOVED = "[verwijderd op verzoek]"

/**
 * A place in the records where erasure found the member's name: rewritten, or (an id, which
 * other records refer to) left as it is and reported.
 *
 * @since 0.2.0
 */
export interface NameFound {
  readonly kind: string
  readonly id: string
  readonly field: string
}

/**
 * Forgets a member (AVG article 17): their name, e-mail address, interests and availability,
 * the notes of their intakes and the cases they wrote are replaced in every record, and the
 * messages queued or sent to them are removed from the outbox, while group history, vote counts
 * and invitation and attendance figures stay as they were (a gathering's invitees, RSVPs and
 * attendance refer to the member's pseudonymous id only).
 * Their name is also looked for in free text (others' cases and intake notes, themes, group
 * names, titles of gatherings, votes and polls) by the name and its known variants, and
 * replaced by "[naam verwijderd]"; what cannot be rewritten (an id made from the name) is
 * reported in `notRewritten`. The membership ends. Cannot be undone. The member, the programme
 * team or administrators.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const admin = { _tag: "Administrator", communityId: "rijk", administratorId: "beheer-1" } as const
 * const program = Services.Privacy.forgetMember(admin, { memberId: "m-001" })
 * ```
 * @since 0.1.0
 */
export const forgetMember = Effect.fn("Privacy.forgetMember")(function* (
  actor: unknown,
  value: typeof MemberRef.Encoded
) {
  const session = yield* begin(actor)
  const { memberId } = yield* input(MemberRef, "member")(value)
  yield* authorize(session, "member.forget", { _tag: "Member", communityId: session.actor.communityId, memberId })
  const member = yield* required(session, Kinds.Members, memberId, "memberId")
  // Messages to the member, and messages to others that name them (a group placement lists the
  // group's members): delivered ones are only a record by now, pending ones would send the name.
  const name = member.value.name
  const address = Redacted.value(member.value.email).toLowerCase()
  const [allIntakes, allCases, messages, snapshot] = yield* Effect.all([
    Repository.all(session.store, Kinds.Intakes),
    Repository.all(session.store, Kinds.Cases),
    outboxWhere(session.store, (m) => {
      if (addressedTo(m.payload, memberId)) return true
      const text = JSON.stringify(m.payload)
      return text.includes(JSON.stringify(name).slice(1, -1)) || text.toLowerCase().includes(address)
    }),
    Repository.loadCommunity(session.store)
  ])
  const names = NameFinder.variants(name)
  const rewritten: Array<NameFound> = []
  const text = (kind: string, id: string, field: string, value: string): string => {
    const result = NameFinder.rewrite(value, names)
    if (result.replaced > 0) rewritten.push({ kind, id, field })
    return result.text
  }
  const { availability: _availability, ...rest } = member.value
  const forgotten = new Member({
    ...rest,
    name: FORGOTTEN_NAME,
    email: Redacted.make(Email.make(`vergeten.${memberId.toLowerCase().replace(/[^a-z0-9]/g, "")}@example.invalid`)),
    interests: [],
    status: "left",
    erasedAt: session.now
  })
  const intakeWrites = allIntakes.flatMap(({ value: i, version }) => {
    if (i.memberId === memberId) {
      const { notes: _notes, ...kept } = i
      return [{ value: new Intake({ ...kept, interests: [] }), version }]
    }
    if (i.notes === undefined) return []
    const notes = text("intake", i.id, "notes", Redacted.value(i.notes))
    return notes === Redacted.value(i.notes)
      ? []
      : [{ value: new Intake({ ...i, notes: Redacted.make(notes) }), version }]
  })
  const caseWrites = allCases.flatMap(({ value: c, version }) => {
    if (c.authorId === memberId)
      return [{ value: new Case({ ...c, title: REMOVED, description: Redacted.make(REMOVED) }), version }]
    const title = text("case", c.id, "title", c.title)
    const description = text("case", c.id, "description", Redacted.value(c.description))
    return title === c.title && description === Redacted.value(c.description)
      ? []
      : [{ value: new Case({ ...c, title, description: Redacted.make(description) }), version }]
  })
  const themeWrites = snapshot.themes.flatMap(({ value: t, version }) => {
    const title = text("theme", t.id, "title", t.title)
    const description = t.description === undefined ? undefined : text("theme", t.id, "description", t.description)
    return title === t.title && description === t.description
      ? []
      : [{ value: new Theme({ ...t, title, ...(description === undefined ? {} : { description }) }), version }]
  })
  const titled = <A extends { readonly id: string }>(
    kind: string,
    records: ReadonlyArray<Repository.Versioned<A>>,
    field: keyof A & string,
    make: (value: A, text: string) => A
  ) =>
    records.flatMap(({ value, version }) => {
      const before = value[field] as unknown as string
      const after = text(kind, value.id, field, before)
      return after === before ? [] : [{ value: make(value, after), version }]
    })
  const groupWrites = titled("learning-group", snapshot.groups, "name", (g, name) => new LearningGroup({ ...g, name }))
  const gatheringWrites = titled(
    "gathering",
    snapshot.gatherings,
    "title",
    (g, title) => new Gathering({ ...g, title })
  )
  const votingWrites = titled(
    "voting-round",
    snapshot.votingRounds,
    "title",
    (v, title) => new VotingRound({ ...v, title })
  )
  const pollWrites = titled(
    "availability-poll",
    snapshot.polls,
    "title",
    (p, title) => new AvailabilityPoll({ ...p, title })
  )
  // Ids cannot be rewritten (other records and the audit log refer to them): report them.
  const forms = NameFinder.idForms(name)
  const notRewritten: Array<NameFound> = [
    ...[
      ["member", snapshot.members],
      ["intake", allIntakes],
      ["case", allCases],
      ["theme", snapshot.themes],
      ["learning-group", snapshot.groups],
      ["round", snapshot.rounds],
      ["gathering", snapshot.gatherings],
      ["voting-round", snapshot.votingRounds],
      ["availability-poll", snapshot.polls]
    ].flatMap(([kind, records]) =>
      (records as ReadonlyArray<Repository.Versioned<{ readonly id: string }>>)
        .filter((r) => NameFinder.idNames(r.value.id, forms))
        .map((r) => ({ kind: kind as string, id: r.value.id, field: "id" }))
    )
  ]
  yield* commit(session, "member.forget", {
    writes: [
      ...(yield* puts(Kinds.Members, [{ value: forgotten, version: member.version }])),
      ...(yield* puts(Kinds.Intakes, intakeWrites)),
      ...(yield* puts(Kinds.Cases, caseWrites)),
      ...(yield* puts(Kinds.Themes, themeWrites)),
      ...(yield* puts(Kinds.LearningGroups, groupWrites)),
      ...(yield* puts(Kinds.Gatherings, gatheringWrites)),
      ...(yield* puts(Kinds.VotingRounds, votingWrites)),
      ...(yield* puts(Kinds.AvailabilityPolls, pollWrites))
    ],
    outboxRemovals: messages.map((m) => m.id),
    erase: true,
    subject: { kind: "member", id: memberId },
    detail: {
      intakes: intakeWrites.length,
      cases: caseWrites.length,
      messages: messages.length,
      nameRewritten: rewritten.length,
      nameNotRewritten: notRewritten.length
    }
  })
  const own = <A extends { readonly memberId?: string; readonly authorId?: string }>(
    writes: ReadonlyArray<{ readonly value: A }>
  ) => writes.filter((w) => w.value.memberId === memberId || w.value.authorId === memberId).length
  return {
    memberId,
    intakes: own(intakeWrites),
    cases: own(caseWrites),
    messagesRemoved: messages.length,
    /** Messages to other members that named the member and had not been sent yet: send them again if needed. */
    pendingToOthersRemoved: messages
      .filter((m) => m.status === "pending" && !addressedTo(m.payload, memberId))
      .map((m) => m.id),
    /** Where the name was found in others' free text and replaced by "[naam verwijderd]". */
    nameRewritten: rewritten,
    /** Where the name was found but could not be rewritten (ids made from it): for an operator to judge. */
    notRewritten
  }
})

/**
 * The Woo ground of a redaction: 5.1.2e protects the privacy of the people named (members,
 * facilitators), 5.1.2i the proper functioning of the administrative body (confidential cases).
 *
 * @since 0.1.0
 */
export type WooGround = "5.1.2e" | "5.1.2i"

/**
 * A value left out of a Woo export, with the ground for leaving it out.
 *
 * @since 0.1.0
 */
export interface Redaction {
  readonly redacted: true
  readonly ground: WooGround
  readonly reason: string
}

const privacy = (reason: string): Redaction => ({ redacted: true, ground: "5.1.2e", reason })

/**
 * The input of {@link exportForWoo}: the period the request covers, as instants.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const admin = { _tag: "Administrator", communityId: "rijk", administratorId: "beheer-1" } as const
 * // Everything the community decided in 2026, for a Woo request.
 * const request: typeof Services.Privacy.WooRequest.Encoded = { from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z" }
 * const program = Services.Privacy.exportForWoo(admin, request)
 * ```
 * @since 0.1.0
 */
export const WooRequest = Schema.Struct({ from: Timestamp, to: Timestamp }).annotations({ identifier: "WooRequest" })

/**
 * One record in a Woo export, with its place in the inventory.
 *
 * @since 0.1.0
 */
export interface WooRecord {
  readonly number: number
  readonly kind: "gathering" | "voting-round" | "availability-poll" | "round"
  readonly id: string
  readonly title: string
  readonly date: string
  readonly content: Readonly<Record<string, unknown>>
  readonly redactions: number
}

/**
 * The records of the community's decisions in a period for a Woo request: the programmes and
 * dates of gatherings, the voting rounds and their totals, the date polls and their counts and
 * the learning groups formed, with personal data redacted field by field (each redaction marked
 * with its Woo ground) and an inventory of the records exported. Programme team or
 * administrators.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const admin = { _tag: "Administrator", communityId: "rijk", administratorId: "beheer-1" } as const
 * const program = Services.Privacy.exportForWoo(admin, { from: "2027-01-01T00:00:00Z", to: "2027-12-31T23:59:59Z" })
 * ```
 * @since 0.1.0
 */
export const exportForWoo = Effect.fn("Privacy.exportForWoo")(function* (
  actor: unknown,
  value: typeof WooRequest.Encoded
) {
  const session = yield* begin(actor)
  const request = yield* input(WooRequest, "Woo request")(value)
  yield* authorize(session, "woo.export", { _tag: "Community", communityId: session.actor.communityId })
  const snapshot = yield* Repository.loadCommunity(session.store)
  const zone = yield* zoneOf(session)
  const within = (d: DateTime.DateTime | undefined) =>
    d !== undefined && DateTime.between(d, { minimum: request.from, maximum: request.to })
  const titleOf = new Map(snapshot.themes.map((t) => [t.value.id as string, t.value.title]))
  const records: Array<Omit<WooRecord, "number">> = []
  const count = (content: Readonly<Record<string, unknown>>): number =>
    Object.values(content).reduce<number>((n, v) => {
      if (Array.isArray(v)) return n + v.reduce<number>((k, x) => k + (isRedaction(x) ? 1 : count(asRecord(x))), 0)
      return n + (isRedaction(v) ? 1 : 0)
    }, 0)
  for (const { value: g } of snapshot.gatherings) {
    if (!within(g.startsAt) || g.startsAt === undefined) continue
    const content = {
      quarter: g.quarter,
      status: g.status,
      startsAt: DateTime.formatIsoZoned(DateTime.unsafeSetZoneNamed(g.startsAt, zone)),
      venue: g.venue?.name ?? null,
      programme: g.programme.map((p) => ({ theme: titleOf.get(p.themeId) ?? p.themeId, minutes: p.durationMinutes })),
      rsvps: { yes: count2(g.rsvps, "yes"), no: count2(g.rsvps, "no"), maybe: count2(g.rsvps, "maybe") },
      invited: g.invitees.length,
      attendance: g.attendance.length,
      attendees: g.attendance.length === 0 ? [] : [privacy("namen van deelnemers")]
    }
    records.push({
      kind: "gathering",
      id: g.id,
      title: g.title,
      date: DateTime.formatIsoDate(g.startsAt),
      content,
      redactions: count(content)
    })
  }
  for (const { value: v } of snapshot.votingRounds) {
    if (!within(v.closesAt) || v.status !== "closed") continue
    const ballots = snapshot.ballots.filter((b) => b.value.votingRoundId === v.id)
    const content = {
      themes: v.themeIds.map((id) => titleOf.get(id) ?? id),
      format: v.format._tag,
      ballots: ballots.length,
      voters: ballots.length === 0 ? [] : [privacy("wie op welk thema stemde")]
    }
    records.push({
      kind: "voting-round",
      id: v.id,
      title: v.title,
      date: DateTime.formatIsoDate(v.closesAt),
      content,
      redactions: count(content)
    })
  }
  for (const { value: p } of snapshot.polls) {
    const decided = p.slots.find((s) => s.id === p.decidedSlotId)
    if (decided === undefined || !within(decided.startsAt)) continue
    const responses = snapshot.pollResponses.filter((r) => r.value.pollId === p.id)
    const content = {
      slots: p.slots.map((s) => ({
        startsAt: DateTime.formatIsoZoned(DateTime.unsafeSetZoneNamed(s.startsAt, zone)),
        yes: tally(responses, s.id, "yes"),
        ifNeedBe: tally(responses, s.id, "if-need-be"),
        no: tally(responses, s.id, "no")
      })),
      decided: DateTime.formatIsoZoned(DateTime.unsafeSetZoneNamed(decided.startsAt, zone)),
      respondents: responses.length === 0 ? [] : [privacy("wie wanneer kon")]
    }
    records.push({
      kind: "availability-poll",
      id: p.id,
      title: p.title,
      date: DateTime.formatIsoDate(decided.startsAt),
      content,
      redactions: count(content)
    })
  }
  const organisationOf = new Map(snapshot.members.map((m) => [m.value.id as string, m.value.organisation]))
  for (const { value: r } of snapshot.rounds) {
    const groups = snapshot.groups.filter((g) => g.value.roundId === r.id).map((g) => g.value)
    const formedAt = groups[0]?.formedAt
    if (!within(formedAt) || formedAt === undefined) continue
    const content = {
      status: r.status,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      groups: groups.map((g) => ({
        name: g.name,
        members: g.memberIds.map(() => privacy("naam van een lid")),
        organisations: new Set(g.memberIds.map((id) => organisationOf.get(id))).size,
        facilitator: g.facilitatorId === undefined ? null : privacy("naam van de begeleider")
      }))
    }
    records.push({
      kind: "round",
      id: r.id,
      title: r.name,
      date: DateTime.formatIsoDate(formedAt),
      content,
      redactions: count(content)
    })
  }
  const numbered = records
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((r, k): WooRecord => ({ number: k + 1, ...r }))
  yield* commit(session, "woo.export", {
    writes: [],
    detail: { records: numbered.length, from: DateTime.formatIso(request.from), to: DateTime.formatIso(request.to) }
  })
  return {
    communityId: session.store.communityId,
    period: { from: DateTime.formatIso(request.from), to: DateTime.formatIso(request.to) },
    exportedAt: DateTime.formatIso(session.now),
    grounds: {
      "5.1.2e": "eerbiediging van de persoonlijke levenssfeer (Woo artikel 5.1 lid 2 onder e)",
      "5.1.2i": "het goed functioneren van de overheid (Woo artikel 5.1 lid 2 onder i)"
    },
    inventory: numbered.map((r) => ({
      number: r.number,
      kind: r.kind,
      id: r.id,
      title: r.title,
      date: r.date,
      redactions: r.redactions,
      grounds: r.redactions > 0 ? ["5.1.2e"] : []
    })),
    records: numbered
  }
})

const isRedaction = (x: unknown): x is Redaction =>
  typeof x === "object" && x !== null && (x as { redacted?: unknown }).redacted === true
const asRecord = (x: unknown): Readonly<Record<string, unknown>> =>
  typeof x === "object" && x !== null ? (x as Record<string, unknown>) : {}
const count2 = (rsvps: ReadonlyArray<{ readonly response: string }>, response: string) =>
  rsvps.filter((r) => r.response === response).length
const tally = (responses: ReadonlyArray<Repository.Versioned<PollResponse>>, slotId: string, answer: string): number =>
  responses.filter((r) => r.value.answers.some((a) => a.slotId === slotId && a.answer === answer)).length

/**
 * The input of {@link auditLog}.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const admin = { _tag: "Administrator", communityId: "rijk", administratorId: "beheer-1" } as const
 * // The next page of 100 entries, after the cursor the previous page returned.
 * declare const cursor: string
 * const page: typeof Services.Privacy.AuditPage.Encoded = { limit: 100, cursor }
 * const program = Services.Privacy.auditLog(admin, page)
 * ```
 * @since 0.1.0
 */
export const AuditPage = Schema.Struct({
  limit: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 1000)), { exact: true }),
  cursor: Schema.optionalWith(Schema.String, { exact: true })
}).annotations({ identifier: "AuditPage" })

/**
 * One page of the audit log, in commit order: per entry the time, the actor (pseudonymous), the
 * action, the object and the result, as the BIO asks. Programme team or administrators.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const admin = { _tag: "Administrator", communityId: "rijk", administratorId: "beheer-1" } as const
 * const program = Services.Privacy.auditLog(admin, { limit: 100 })
 * ```
 * @since 0.1.0
 */
export const auditLog = Effect.fn("Privacy.auditLog")(function* (actor: unknown, value: typeof AuditPage.Encoded) {
  const session = yield* begin(actor)
  const request = yield* input(AuditPage, "audit page")(value)
  yield* authorize(session, "audit.read", { _tag: "Community", communityId: session.actor.communityId })
  const page = yield* session.store.audit({
    ...(request.limit === undefined ? {} : { limit: request.limit }),
    ...(request.cursor === undefined ? {} : { cursor: request.cursor })
  })
  return {
    entries: page.items.map((a) => ({
      seq: a.seq,
      at: new Date(a.at).toISOString(),
      actor: a.actor,
      action: a.action,
      object: a.subject === undefined ? null : `${a.subject.kind} ${a.subject.id}`,
      result: (asRecord(a.detail).result as string | undefined) ?? "ok"
    })),
    cursor: page.cursor
  }
})
