/**
 * Message templates: every notification a member receives, in Dutch (the default) and English,
 * from one place. Rendering is a pure function of the notification, the channel and a stamp the
 * caller passes; invitations, updates and cancellations carry an iCalendar part rendered by
 * `ICalendar.Invitation`, addressed to the one recipient only (no other member's address leaks).
 *
 * @since 0.1.0
 */
import { DateTime, Either, Schema } from "effect"
import { match } from "ts-pattern"
import { InputErrorFields, type Problem } from "../domain/DecodeError.js"
import type { CommunityId } from "../domain/Ids.js"
import type { Language } from "../domain/Language.js"
import * as Invitation from "../ical/Invitation.js"
import { formatProblems } from "../internal/problems.js"
import type { Attachment, Channel, DomainEvent, Recipient } from "./Message.js"
import { IdempotencyKey, RenderedMessage, topicOf } from "./Message.js"

/**
 * A recipient with the language they prefer.
 *
 * @since 0.1.0
 */
export interface Addressee extends Recipient {
  readonly language: Language
}

/**
 * What happened, for one member: the input of {@link render}. Calendar notifications carry the
 * `ICalendar.Invitation.Event` (the updated one for a change, the one sent before for a
 * cancellation).
 *
 * @since 0.1.0
 */
export type Notification =
  | {
      readonly _tag: "IntakeInvitation"
      readonly recipient: Addressee
      readonly facilitatorName: string
      readonly event: Invitation.Event
    }
  | {
      readonly _tag: "GroupPlacement"
      readonly recipient: Addressee
      readonly groupId: string
      readonly groupName: string
      readonly roundName: string
      readonly facilitatorName: string
      readonly memberNames: ReadonlyArray<string>
    }
  | {
      readonly _tag: "VoteRequest"
      readonly recipient: Addressee
      readonly votingRoundId: string
      readonly title: string
      readonly closesAt: DateTime.Zoned
      readonly themeTitles: ReadonlyArray<string>
      readonly url?: string
    }
  | { readonly _tag: "GatheringInvitation"; readonly recipient: Addressee; readonly event: Invitation.Event }
  | {
      readonly _tag: "Reminder"
      readonly recipient: Addressee
      readonly event: Invitation.Event
      /** Whole days before the start; part of the idempotency key, so each reminder is sent once. */
      readonly daysBefore: number
    }
  | {
      readonly _tag: "GatheringChanged"
      readonly recipient: Addressee
      readonly event: Invitation.Event
      readonly change?: string
      /** When and where it was before the change: the mail names what moved. */
      readonly previous?: { readonly start: DateTime.Zoned; readonly location?: string }
    }
  | {
      readonly _tag: "GatheringCancelled"
      readonly recipient: Addressee
      readonly event: Invitation.Event
      readonly reason?: string
    }
  | {
      readonly _tag: "SessionInvitation"
      readonly recipient: Addressee
      readonly groupId: string
      readonly groupName: string
      /** The series: the first session, the others as RDATEs. */
      readonly event: Invitation.Event
      readonly sessions: number
    }
  | {
      readonly _tag: "PollRequest"
      readonly recipient: Addressee
      readonly pollId: string
      readonly title: string
      /** The candidate dates, in the community's time zone. */
      readonly slots: ReadonlyArray<DateTime.Zoned>
      /** How many times the member was asked before (0 the first time): part of the key. */
      readonly asked: number
      readonly url?: string
    }

/**
 * Where and when a message is rendered: the community, the channel, and the stamp (the time of
 * the change that causes it; the iCalendar DTSTAMP and the event's `occurredAt`).
 *
 * @since 0.1.0
 */
export interface RenderContext {
  readonly communityId: CommunityId
  readonly channel: Channel
  readonly stamp: DateTime.Utc
}

/**
 * A notification cannot be rendered (an invalid calendar event, an idempotency key that is too
 * long, a control character such as CR or LF in a field that goes into a header: the recipient's
 * name at `recipient.name`, the subject at `subject`); `problems` lists every one with its path.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Notifier } from "@grenzeloos/core"
 *
 * declare const notification: Notifier.Notification
 * declare const context: Notifier.RenderContext
 * const result = Notifier.render(notification, context)
 * if (Either.isLeft(result)) console.error(result.left.message)
 * ```
 * @since 0.1.0
 */
export class RenderError extends Schema.TaggedError<RenderError>("@grenzeloos/core/RenderError")(
  "RenderError",
  InputErrorFields
) {
  override get message(): string {
    return formatProblems(this.subject, this.problems, "the notification")
  }
}

// ---------------------------------------------------------------------------------------------
// Texts: Dutch first, English second.

interface Texts {
  readonly locale: string
  readonly greeting: (name: string) => string
  readonly closing: string
  readonly when: string
  /** The heading of a gathering's programme in its description. */
  readonly programme: string
  readonly where: string
  readonly intake: {
    readonly subject: string
    readonly body: (facilitator: string) => string
    /** The calendar item's title. */
    readonly summary: (facilitator: string) => string
  }
  readonly group: {
    readonly subject: (group: string) => string
    readonly body: (group: string, round: string, facilitator: string) => string
    readonly members: string
  }
  readonly vote: {
    readonly subject: (title: string) => string
    readonly body: (title: string, closes: string) => string
    readonly themes: string
    readonly link: string
    /** How to answer when there is no link to a form. */
    readonly reply: string
  }
  readonly gathering: {
    readonly subject: (title: string) => string
    readonly body: string
  }
  readonly reminder: {
    readonly subject: (title: string, days: number) => string
    readonly body: (days: number) => string
  }
  readonly changed: {
    readonly subject: (title: string) => string
    readonly body: string
    /** Heads when and where it was before. */
    readonly previously: string
  }
  readonly cancelled: {
    readonly subject: (title: string) => string
    readonly body: string
    readonly reason: string
  }
  readonly sessions: {
    readonly subject: (group: string, count: number) => string
    readonly body: (group: string, count: number) => string
  }
  readonly poll: {
    readonly subject: (title: string, again: boolean) => string
    readonly body: (title: string) => string
    readonly dates: string
    readonly link: string
    /** How to answer when there is no link to a form. */
    readonly reply: string
  }
}

// Built once: `Schema.is` compiles a validator each time it is called.
const isIdempotencyKey = Schema.is(IdempotencyKey)

const TEXTS: Readonly<Record<Language, Texts>> = {
  nl: {
    locale: "nl-NL",
    greeting: (name) => `Beste ${name},`,
    closing: "Met vriendelijke groet,\nProgrammateam Grenzeloos Samenwerken",
    when: "Wanneer",
    programme: "Programma:",
    where: "Waar",
    intake: {
      subject: "Uitnodiging voor een kennismakingsgesprek",
      summary: (facilitator) => `Intakegesprek met ${facilitator}`,
      body: (facilitator) =>
        `Graag maken we kennis met je. ${facilitator} nodigt je uit voor een persoonlijk kennismakingsgesprek over je programma en de vragen waar je mee bezig bent.`
    },
    group: {
      subject: (group) => `Je leergroep: ${group}`,
      body: (group, round, facilitator) =>
        `Voor ${round} ben je ingedeeld in ${/^leergroep\b/i.test(group) ? group : `leergroep ${group}`}, begeleid door ${facilitator}.`,
      members: "Je groepsgenoten"
    },
    vote: {
      subject: (title) => `Stem mee: ${title}`,
      body: (title, closes) => `Bepaal mee wat we bespreken. De stemronde "${title}" staat open tot ${closes}.`,
      themes: "Thema's op de voorraadagenda",
      link: "Stemmen",
      reply: "Antwoord op deze e-mail met je keuze uit deze thema's."
    },
    gathering: {
      subject: (title) => `Uitnodiging: ${title}`,
      body: "Je bent van harte uitgenodigd voor de kwartaalbijeenkomst. De uitnodiging zit als agenda-item bij dit bericht; geef daarmee aan of je komt."
    },
    reminder: {
      subject: (title, days) =>
        days === 0
          ? `Herinnering: vandaag ${title}`
          : days === 1
            ? `Herinnering: morgen ${title}`
            : `Herinnering: over ${days} dagen ${title}`,
      body: (days) =>
        days === 0
          ? "Een herinnering: de bijeenkomst is vandaag."
          : days === 1
            ? "Een herinnering: de bijeenkomst is morgen."
            : `Een herinnering: de bijeenkomst is over ${days} dagen.`
    },
    changed: {
      subject: (title) => `Gewijzigd: ${title}`,
      body: "De bijeenkomst is gewijzigd. Het bijgewerkte agenda-item zit bij dit bericht.",
      previously: "Eerder"
    },
    cancelled: {
      subject: (title) => `Geannuleerd: ${title}`,
      body: "De bijeenkomst gaat niet door. Met het agenda-item bij dit bericht verdwijnt hij uit je agenda.",
      reason: "Reden"
    },
    sessions: {
      subject: (group, count) => `${group}: ${count} bijeenkomsten`,
      body: (group, count) =>
        `De ${count} bijeenkomsten van ${group} staan vast. Ze zitten samen als één reeks agenda-items bij dit bericht.`
    },
    poll: {
      subject: (title, again) => `${again ? "Herinnering: " : ""}Wanneer kun je? ${title}`,
      body: (title) => `We zoeken een datum voor "${title}". Geef per datum aan of je kunt: ja, als het moet, of nee.`,
      dates: "De datums",
      link: "Beantwoorden",
      reply: "Antwoord op deze e-mail met achter elke datum ja, als het moet of nee."
    }
  },
  en: {
    locale: "en-GB",
    greeting: (name) => `Dear ${name},`,
    closing: "Kind regards,\nThe Grenzeloos Samenwerken programme team",
    when: "When",
    programme: "Programme:",
    where: "Where",
    intake: {
      subject: "Invitation to an introductory conversation",
      summary: (facilitator) => `Intake with ${facilitator}`,
      body: (facilitator) =>
        `We would like to get to know you. ${facilitator} invites you to a personal introductory conversation about your programme and the questions you are working on.`
    },
    group: {
      subject: (group) => `Your learning group: ${group}`,
      body: (group, round, facilitator) =>
        `For ${round} you have been placed in ${/^learning group\b/i.test(group) ? group : `the learning group ${group}`}, facilitated by ${facilitator}.`,
      members: "Your fellow members"
    },
    vote: {
      subject: (title) => `Have your say: ${title}`,
      body: (title, closes) => `Help decide what we discuss. The voting round "${title}" is open until ${closes}.`,
      themes: "Themes on the backlog",
      link: "Vote",
      reply: "Reply to this e-mail with your choice from these themes."
    },
    gathering: {
      subject: (title) => `Invitation: ${title}`,
      body: "You are warmly invited to the quarterly gathering. The invitation is attached as a calendar item; use it to say whether you will come."
    },
    reminder: {
      subject: (title, days) =>
        days === 0
          ? `Reminder: ${title} today`
          : days === 1
            ? `Reminder: ${title} tomorrow`
            : `Reminder: ${title} in ${days} days`,
      body: (days) =>
        days === 0
          ? "A reminder: the meeting is today."
          : days === 1
            ? "A reminder: the meeting is tomorrow."
            : `A reminder: the meeting is in ${days} days.`
    },
    changed: {
      subject: (title) => `Changed: ${title}`,
      body: "The meeting has changed. The updated calendar item is attached.",
      previously: "Previously"
    },
    cancelled: {
      subject: (title) => `Cancelled: ${title}`,
      body: "The meeting is cancelled. The calendar item attached removes it from your calendar.",
      reason: "Reason"
    },
    sessions: {
      subject: (group, count) => `${group}: ${count} sessions`,
      body: (group, count) =>
        `The ${count} sessions of ${group} are set. They are attached together as one series of calendar items.`
    },
    poll: {
      subject: (title, again) => `${again ? "Reminder: " : ""}When can you come? ${title}`,
      body: (title) =>
        `We are looking for a date for "${title}". For each date, say whether you can: yes, if need be, or no.`,
      dates: "The dates",
      link: "Answer",
      reply: "Reply to this e-mail with yes, if need be or no after each date."
    }
  }
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per locale and zone.
const formatters = new Map<string, Intl.DateTimeFormat>()

const formatMoment = (texts: Texts, moment: DateTime.Zoned): string => {
  const timeZone = moment.zone._tag === "Named" ? moment.zone.id : "UTC"
  const cacheKey = `${texts.locale}|${timeZone}`
  let formatter = formatters.get(cacheKey)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(texts.locale, { dateStyle: "full", timeStyle: "short", timeZone })
    formatters.set(cacheKey, formatter)
  }
  return formatter.format(DateTime.toEpochMillis(moment))
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

const toHtml = (language: Language, paragraphs: ReadonlyArray<string>) =>
  `<!doctype html><html lang="${language}"><body>${paragraphs
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("")}</body></html>`

/** The part of a calendar uid before the `@`: the id of the gathering or intake. */
const subjectIdOf = (event: Invitation.Event) => event.uid.split("@")[0] ?? event.uid

const whenWhere = (texts: Texts, event: Invitation.Event) =>
  [
    `${texts.when}: ${formatMoment(texts, event.start)}`,
    ...(event.location === undefined ? [] : [`${texts.where}: ${event.location}`])
  ].join("\n")

// What changed, as it was: the moment and the place, each only when it moved.
const before = (
  texts: Texts,
  event: Invitation.Event,
  previous: { readonly start: DateTime.Zoned; readonly location?: string } | undefined
): ReadonlyArray<string> => {
  if (previous === undefined) return []
  const parts = [
    ...(DateTime.toEpochMillis(previous.start) === DateTime.toEpochMillis(event.start)
      ? []
      : [formatMoment(texts, previous.start)]),
    ...(previous.location === undefined || previous.location === event.location ? [] : [previous.location])
  ]
  return parts.length === 0 ? [] : [`${texts.changed.previously}: ${parts.join(", ")}`]
}

// Every date of a session series (the first start, then the RDATEs), and where.
const sessionDates = (texts: Texts, event: Invitation.Event) => {
  const further = event.recurrence?._tag === "Dates" ? event.recurrence.starts : []
  if (further.length === 0) return whenWhere(texts, event)
  return [
    `${texts.when}:`,
    ...[event.start, ...further].map((start) => `- ${formatMoment(texts, start)}`),
    ...(event.location === undefined ? [] : [`${texts.where}: ${event.location}`])
  ].join("\n")
}

interface Draft {
  readonly kind: string
  readonly type: string
  readonly subject: { readonly kind: string; readonly id: string }
  readonly discriminator: string
  readonly title: string
  readonly paragraphs: ReadonlyArray<string>
  readonly calendar?: Invitation.Message
  readonly data: Readonly<Record<string, unknown>>
}

// A gathering's description starts with its programme under the heading that `Invitation.eventOf`
// gives it in the community's language: each member reads that heading in their own language, in
// the mail and in their copy of the calendar item.
const described = (description: string | undefined, texts: Texts): string | undefined => {
  const heading = [TEXTS.nl.programme, TEXTS.en.programme].find((h) => description?.startsWith(`${h}\n`) === true)
  return description === undefined || heading === undefined
    ? description
    : `${texts.programme}${description.slice(heading.length)}`
}

const personal = (event: Invitation.Event, recipient: Addressee, texts: Texts): Invitation.Event => {
  const description = described(event.description, texts)
  return {
    ...event,
    ...(description === undefined ? {} : { description }),
    attendees: [{ name: recipient.name, email: recipient.email }]
  }
}

const draftOf = (n: Notification, texts: Texts, stamp: DateTime.Utc): Draft =>
  match(n)
    .returnType<Draft>()
    .with({ _tag: "IntakeInvitation" }, (n) => ({
      kind: "intake-invitation",
      type: "intake.invited",
      subject: { kind: "intake", id: subjectIdOf(n.event) },
      discriminator: String(n.event.sequence),
      title: texts.intake.subject,
      paragraphs: [texts.intake.body(n.facilitatorName), whenWhere(texts, n.event)],
      calendar: { method: "REQUEST", stamp, events: [personal(n.event, n.recipient, texts)] },
      data: { sequence: n.event.sequence, startsAt: DateTime.formatIso(n.event.start) }
    }))
    .with({ _tag: "GroupPlacement" }, (n) => ({
      kind: "group-placement",
      type: "group.placed",
      subject: { kind: "learning-group", id: n.groupId },
      discriminator: "0",
      title: texts.group.subject(n.groupName),
      paragraphs: [
        texts.group.body(n.groupName, n.roundName, n.facilitatorName),
        ...(n.memberNames.length === 0
          ? []
          : [`${texts.group.members}:\n${n.memberNames.map((m) => `- ${m}`).join("\n")}`])
      ],
      data: { groupName: n.groupName, roundName: n.roundName }
    }))
    .with({ _tag: "VoteRequest" }, (n) => ({
      kind: "vote-request",
      type: "vote.requested",
      subject: { kind: "voting-round", id: n.votingRoundId },
      discriminator: "0",
      title: texts.vote.subject(n.title),
      paragraphs: [
        texts.vote.body(n.title, formatMoment(texts, n.closesAt)),
        ...(n.themeTitles.length === 0
          ? []
          : [`${texts.vote.themes}:\n${n.themeTitles.map((t) => `- ${t}`).join("\n")}`]),
        n.url === undefined ? texts.vote.reply : `${texts.vote.link}: ${n.url}`
      ],
      data: { closesAt: DateTime.formatIso(n.closesAt) }
    }))
    .with({ _tag: "GatheringInvitation" }, (n) => ({
      kind: "gathering-invitation",
      type: "gathering.invited",
      subject: { kind: "gathering", id: subjectIdOf(n.event) },
      discriminator: String(n.event.sequence),
      title: texts.gathering.subject(n.event.summary),
      paragraphs: [
        texts.gathering.body,
        whenWhere(texts, n.event),
        ...(n.event.description === undefined ? [] : [described(n.event.description, texts) ?? ""])
      ],
      calendar: { method: "REQUEST", stamp, events: [personal(n.event, n.recipient, texts)] },
      data: { sequence: n.event.sequence, startsAt: DateTime.formatIso(n.event.start) }
    }))
    .with({ _tag: "Reminder" }, (n) => ({
      kind: "reminder",
      type: "gathering.reminded",
      subject: { kind: "gathering", id: subjectIdOf(n.event) },
      discriminator: `${n.event.sequence}.d${n.daysBefore}`,
      title: texts.reminder.subject(n.event.summary, n.daysBefore),
      paragraphs: [texts.reminder.body(n.daysBefore), whenWhere(texts, n.event)],
      data: { sequence: n.event.sequence, daysBefore: n.daysBefore, startsAt: DateTime.formatIso(n.event.start) }
    }))
    .with({ _tag: "GatheringChanged" }, (n) => ({
      kind: "gathering-change",
      type: "gathering.changed",
      subject: { kind: "gathering", id: subjectIdOf(n.event) },
      discriminator: String(n.event.sequence),
      title: texts.changed.subject(n.event.summary),
      paragraphs: [
        texts.changed.body,
        ...(n.change === undefined ? [] : [n.change]),
        whenWhere(texts, n.event),
        ...before(texts, n.event, n.previous)
      ],
      calendar: { method: "REQUEST", stamp, events: [personal(n.event, n.recipient, texts)] },
      data: { sequence: n.event.sequence, startsAt: DateTime.formatIso(n.event.start) }
    }))
    .with({ _tag: "GatheringCancelled" }, (n) => {
      const cancel = Invitation.cancellation(personal(n.event, n.recipient, texts), stamp)
      return {
        kind: "gathering-cancellation",
        type: "gathering.cancelled",
        subject: { kind: "gathering", id: subjectIdOf(n.event) },
        discriminator: String(n.event.sequence + 1),
        title: texts.cancelled.subject(n.event.summary),
        paragraphs: [
          texts.cancelled.body,
          ...(n.reason === undefined ? [] : [`${texts.cancelled.reason}: ${n.reason}`]),
          whenWhere(texts, n.event)
        ],
        calendar: cancel,
        data: { sequence: n.event.sequence + 1 }
      }
    })
    .with({ _tag: "SessionInvitation" }, (n) => ({
      kind: "session-invitation",
      type: "sessions.invited",
      subject: { kind: "learning-group", id: n.groupId },
      discriminator: String(n.event.sequence),
      title: texts.sessions.subject(n.groupName, n.sessions),
      paragraphs: [texts.sessions.body(n.groupName, n.sessions), sessionDates(texts, n.event)],
      calendar: { method: "REQUEST", stamp, events: [personal(n.event, n.recipient, texts)] },
      data: { sequence: n.event.sequence, startsAt: DateTime.formatIso(n.event.start), sessions: n.sessions }
    }))
    .with({ _tag: "PollRequest" }, (n) => ({
      kind: "poll-request",
      type: "poll.requested",
      subject: { kind: "availability-poll", id: n.pollId },
      discriminator: String(n.asked),
      title: texts.poll.subject(n.title, n.asked > 0),
      paragraphs: [
        texts.poll.body(n.title),
        `${texts.poll.dates}:\n${n.slots.map((slot) => `- ${formatMoment(texts, slot)}`).join("\n")}`,
        // Without a form to answer in, the member answers by replying (the programme team reads
        // the replies into a sheet for `poll import`).
        n.url === undefined ? texts.poll.reply : `${texts.poll.link}: ${n.url}`
      ],
      data: { asked: n.asked, slots: n.slots.map((slot) => DateTime.formatIso(slot)) }
    }))
    .exhaustive()

/**
 * Characters that may not appear in a field that ends up in a mail or HTTP header: the C0 and C1
 * controls (CR, LF, TAB, NUL, …), DEL and the Unicode line and paragraph separators. A strict
 * header parser fails on them, and a CR/LF starts a header of its own.
 */
const HEADER_CONTROL = /[\p{Cc}\u2028\u2029]/u

const describeControl = (text: string): string => {
  const found = HEADER_CONTROL.exec(text)?.[0] ?? ""
  return `U+${found.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}`
}

/** Every header-bound field of a notification (the recipient's name and the subject) with a control character. */
const headerProblems = (notification: Notification, subject: string): ReadonlyArray<Problem> => [
  ...(HEADER_CONTROL.test(notification.recipient.name)
    ? [
        {
          path: "recipient.name",
          message: `de naam van de ontvanger bevat een stuurteken (${describeControl(notification.recipient.name)}), dat niet in een e-mailkop mag; verbeter de naam van het lid / the recipient's name holds a control character (${describeControl(notification.recipient.name)}) that may not appear in a mail header; correct the member's name`
        }
      ]
    : []),
  ...(HEADER_CONTROL.test(subject)
    ? [
        {
          path: "subject",
          message: `het onderwerp bevat een stuurteken (${describeControl(subject)}); verbeter de titel of naam waaruit het komt / the subject holds a control character (${describeControl(subject)}); correct the title or name it is made from`
        }
      ]
    : [])
]

const FILENAMES: Readonly<Record<Language, string>> = { nl: "uitnodiging.ics", en: "invitation.ics" }

/**
 * The title of an intake's calendar item in the member's language, e.g. "Intakegesprek met Sanne
 * de Vries".
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * Notifier.intakeSummary("en", "Sanne de Vries") // "Intake with Sanne de Vries"
 * ```
 * @since 0.2.0
 */
export const intakeSummary = (language: Language, facilitator: string): string =>
  TEXTS[language].intake.summary(facilitator)

/**
 * The idempotency key of a notification on a channel: the kind, the subject, the version (the
 * calendar SEQUENCE, or the reminder's day), the member and the channel. Rendering the same
 * notification again gives the same key, so the outbox refuses the duplicate.
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * declare const notification: Notifier.Notification
 * const key = Notifier.keyOf(notification, "email") // e.g. "gathering-invitation:g-2027-1:0:m-001:email"
 * ```
 * @since 0.1.0
 */
export const keyOf = (notification: Notification, channel: Channel): string => {
  const draft = draftOf(notification, TEXTS.nl, DateTime.unsafeMake(0))
  return [draft.kind, draft.subject.id, draft.discriminator, notification.recipient.memberId, channel].join(":")
}

/**
 * Renders a notification for one channel in the recipient's language: subject, text, HTML (for
 * e-mail), the iCalendar part, the domain event and the idempotency key.
 *
 * @example
 * ```ts
 * import { DateTime, Either, Redacted } from "effect"
 * import { Domain, Notifier } from "@grenzeloos/core"
 *
 * const message = Notifier.render(
 *   {
 *     _tag: "VoteRequest",
 *     recipient: {
 *       memberId: Domain.MemberId.make("m-001"),
 *       name: "IJsbrand de Vries",
 *       email: Redacted.make(Domain.Email.make("ijsbrand@example.nl")),
 *       language: "nl"
 *     },
 *     votingRoundId: "v-2027-1",
 *     title: "Voorjaar 2027",
 *     closesAt: DateTime.unsafeMakeZoned("2027-02-01T16:00:00Z", { timeZone: "Europe/Amsterdam" }),
 *     themeTitles: ["Worstelen met de Woo"]
 *   },
 *   { communityId: Domain.CommunityId.make("rijk"), channel: "email", stamp: DateTime.unsafeMake("2027-01-10T09:00:00Z") }
 * )
 * if (Either.isRight(message)) console.log(message.right.subject) // "Stem mee: Voorjaar 2027"
 * ```
 * @since 0.1.0
 */
export const render = (
  notification: Notification,
  context: RenderContext
): Either.Either<RenderedMessage, RenderError> => {
  const recipient = notification.recipient
  const texts = TEXTS[recipient.language]
  const draft = draftOf(notification, texts, context.stamp)
  const subject = `${notification._tag} for member ${recipient.memberId}`
  const problems: Array<Problem> = []
  const key = [draft.kind, draft.subject.id, draft.discriminator, recipient.memberId, context.channel].join(":")
  if (!isIdempotencyKey(key))
    problems.push({
      path: "",
      message: `the idempotency key ${JSON.stringify(key)} is not a valid key (at most 128 characters: letters, digits and - _ . : ~); use shorter ids`
    })
  problems.push(...headerProblems(notification, draft.title))
  let attachments: ReadonlyArray<Attachment> = []
  if (draft.calendar !== undefined) {
    const ics = Invitation.render(draft.calendar)
    if (Either.isLeft(ics))
      problems.push(...ics.left.problems.map((p) => ({ path: `event.${p.path}`, message: p.message })))
    else
      attachments = [
        {
          filename: FILENAMES[recipient.language],
          contentType: `text/calendar; charset=utf-8; method=${draft.calendar.method}`,
          content: ics.right,
          calendarMethod: draft.calendar.method
        }
      ]
  }
  const [first, ...rest] = problems
  if (first !== undefined) return Either.left(new RenderError({ subject, problems: [first, ...rest] }))
  const paragraphs = [texts.greeting(recipient.name), ...draft.paragraphs, texts.closing]
  const event: DomainEvent = {
    type: draft.type,
    communityId: context.communityId,
    subject: draft.subject,
    occurredAt: DateTime.formatIso(context.stamp),
    data: { memberId: recipient.memberId, ...draft.data }
  }
  return Either.right({
    idempotencyKey: IdempotencyKey.make(key),
    channel: context.channel,
    language: recipient.language,
    recipients: [{ memberId: recipient.memberId, name: recipient.name, email: recipient.email }],
    subject: draft.title,
    text: paragraphs.join("\n\n"),
    ...(context.channel === "email" ? { html: toHtml(recipient.language, paragraphs) } : {}),
    attachments,
    event
  })
}

const encodeMessage = Schema.encodeSync(RenderedMessage)

/**
 * What a message of each event type supersedes among the earlier messages of its stream: a
 * cancellation makes the invitation, the reminders and the updates of that gathering obsolete;
 * an update makes the previous update obsolete. See decision 0057.
 */
const SUPERSEDES: Readonly<Record<string, ReadonlyArray<string>>> = {
  "gathering.cancelled": ["gathering.invited", "gathering.reminded", "gathering.changed"],
  "gathering.changed": ["gathering.changed"]
}

/** A reminder is not worth sending once its gathering has started. */
const expiryOf = (message: RenderedMessage): number | undefined => {
  if (message.event.type !== "gathering.reminded") return undefined
  const data = message.event.data as { readonly startsAt?: unknown } | null
  const startsAt = typeof data?.startsAt === "string" ? Date.parse(data.startsAt) : Number.NaN
  return Number.isFinite(startsAt) ? startsAt : undefined
}

/**
 * The outbox message of a rendered message: its key as the id, the channel's topic, the encoded
 * (JSON) message as payload, ready for `Store` `commit({ outbox: [...] })`; and its place in the
 * ordering of the outbox (decision 0057): the stream of its recipient, subject and channel, its
 * event type as label, what it supersedes (a cancellation: the invitation, reminders and updates;
 * an update: the previous update) and, for a reminder, the start of the gathering as expiry.
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * declare const message: Notifier.RenderedMessage
 * const entry = Notifier.toOutbox(message) // { id, topic: "notify.email", payload, stream, label, … }
 * ```
 * @since 0.1.0
 */
export const toOutbox = (
  message: RenderedMessage
): {
  readonly id: string
  readonly topic: string
  readonly payload: unknown
  readonly stream: string
  readonly label: string
  readonly supersedes: ReadonlyArray<string>
  readonly expiresAt?: number
} => {
  const expiresAt = expiryOf(message)
  const subject = message.event.subject
  return {
    id: message.idempotencyKey,
    topic: topicOf(message.channel),
    payload: encodeMessage(message),
    stream: streamOf(subject, message.recipients[0].memberId, message.channel),
    label: message.event.type,
    supersedes: SUPERSEDES[message.event.type] ?? [],
    ...(expiresAt === undefined ? {} : { expiresAt })
  }
}

/**
 * The ordering stream of the messages to one member about one subject on one channel: the
 * outbox delivers them in commit order.
 *
 * @example
 * ```ts
 * import { Notifier } from "@grenzeloos/core"
 *
 * Notifier.streamOf({ kind: "gathering", id: "g-2027-1" }, "m-001", "email") // "gathering:g-2027-1:m-001:email"
 * ```
 * @since 0.1.0
 */
export const streamOf = (
  subject: { readonly kind: string; readonly id: string },
  memberId: string,
  channel: Channel
): string => `${subject.kind}:${subject.id}:${memberId}:${channel}`
