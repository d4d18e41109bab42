import { describe, expect, it } from "@effect/vitest"
import { Notifier } from "@grenzeloos/core"
import { DateTime, Effect, Either, Redacted, Schema } from "effect"
import { ICAL } from "../ical/IcalJs.js"
import { addressee, COMMUNITY, everyKind, gathering, rendered, STAMP } from "./Samples.js"

const decode = Schema.decodeUnknownEither(Notifier.RenderedMessage)

describe("Templates", () => {
  it("renders Dutch by default and English where the member prefers it", () => {
    const nl = everyKind(addressee(1, "nl")).map((n) => rendered(n))
    const en = everyKind(addressee(1, "en")).map((n) => rendered(n))
    expect(nl.map((m) => m.subject)).toEqual([
      "Uitnodiging voor een kennismakingsgesprek",
      "Je leergroep: Leergroep 3",
      "Stem mee: Voorjaar 2027",
      "Uitnodiging: Kwartaalbijeenkomst voorjaar 2027",
      "Herinnering: morgen Kwartaalbijeenkomst voorjaar 2027",
      "Gewijzigd: Kwartaalbijeenkomst voorjaar 2027",
      "Geannuleerd: Kwartaalbijeenkomst voorjaar 2027"
    ])
    expect(en.map((m) => m.subject)[1]).toBe("Your learning group: Leergroep 3")
    for (const m of nl) expect(m.text.startsWith("Beste Lid 1,")).toBe(true)
    for (const m of en) expect(m.text.startsWith("Dear Lid 1,")).toBe(true)
    // Dates in the member's language and in Europe/Amsterdam (12:00 UTC is 13:00 in March).
    expect(nl[3]?.text).toContain("donderdag 11 maart 2027 om 13:00")
    expect(en[3]?.text).toContain("Thursday, 11 March 2027 at 13:00")
  })

  it("tells a member how to answer a poll or a vote: by replying, or through the link when there is one", () => {
    const slots = [DateTime.unsafeMakeZoned("2027-03-11T12:00:00Z", { timeZone: "Europe/Amsterdam" })]
    const poll = (language: "nl" | "en", url?: string) =>
      rendered({
        _tag: "PollRequest",
        recipient: addressee(1, language),
        pollId: "poll-1",
        title: "Kwartaalbijeenkomst 2027-Q1",
        slots,
        asked: 0,
        ...(url === undefined ? {} : { url })
      }).text
    expect(poll("nl")).toContain("Antwoord op deze e-mail met achter elke datum ja, als het moet of nee.")
    expect(poll("en")).toContain("Reply to this e-mail with yes, if need be or no after each date.")
    const linked = poll("nl", "https://grenzeloos.example.nl/prikker/poll-1")
    expect(linked).toContain("Beantwoorden: https://grenzeloos.example.nl/prikker/poll-1")
    expect(linked).not.toContain("Antwoord op deze e-mail")
    const [, , vote] = everyKind(addressee(1, "nl")).map((n) => rendered(n))
    expect(vote?.text).toContain("Antwoord op deze e-mail met je keuze uit deze thema's.")
  })

  it("gives the programme's heading in the member's language, in the mail and in their calendar item", () => {
    const event = { ...gathering(), description: "Programma:\n13:00–14:00 Omgaan met sabotage" }
    const en = rendered({ _tag: "GatheringInvitation", recipient: addressee(2, "en"), event })
    expect(en.text).toContain("Programme:\n13:00–14:00 Omgaan met sabotage")
    expect(en.text).not.toContain("Programma:")
    expect(en.attachments?.[0]?.content).toContain("DESCRIPTION:Programme:\\n13:00–14:00 Omgaan met sabotage")
    const nl = rendered({
      _tag: "GatheringInvitation",
      recipient: addressee(1, "nl"),
      event: { ...event, description: "Programme:\n13:00–14:00 Omgaan met sabotage" }
    })
    expect(nl.text).toContain("Programma:\n13:00–14:00 Omgaan met sabotage")
  })

  it("names a learning group once in the placement, and lists every date of a session series", () => {
    const [, placement] = everyKind(addressee(1, "nl")).map((n) => rendered(n))
    expect(placement?.text).toContain("ben je ingedeeld in Leergroep 3, begeleid door Anne Bakker.")
    const named = rendered({
      _tag: "GroupPlacement",
      recipient: addressee(1, "en"),
      groupId: "lg-4",
      groupName: "De Verbinders",
      roundName: "round 2027",
      facilitatorName: "Anne Bakker",
      memberNames: []
    })
    expect(named.text).toContain("placed in the learning group De Verbinders, facilitated by Anne Bakker.")
    const zoned = (iso: string) => DateTime.unsafeMakeZoned(iso, { timeZone: "Europe/Amsterdam" })
    const series = rendered({
      _tag: "SessionInvitation",
      recipient: addressee(1, "nl"),
      groupId: "lg-3",
      groupName: "Leergroep 3",
      sessions: 3,
      event: {
        ...gathering(),
        uid: "s-lg-3@grenzeloos.example",
        start: zoned("2027-02-02T13:00:00Z"),
        recurrence: { _tag: "Dates", starts: [zoned("2027-02-16T13:00:00Z"), zoned("2027-03-16T13:00:00Z")] }
      }
    })
    for (const day of ["dinsdag 2 februari 2027 om 14:00", "dinsdag 16 februari 2027", "dinsdag 16 maart 2027"])
      expect(series.text).toContain(day)
  })

  it("attaches a REQUEST for invitations and changes and a CANCEL for cancellations, to the recipient only", () => {
    const messages = everyKind(addressee(1, "nl")).map((n) => rendered(n))
    expect(messages.map((m) => m.attachments[0]?.calendarMethod)).toEqual([
      "REQUEST",
      undefined,
      undefined,
      "REQUEST",
      undefined,
      "REQUEST",
      "CANCEL"
    ])
    for (const m of messages) {
      const ics = m.attachments[0]
      if (ics === undefined) continue
      expect(ics.contentType).toBe(`text/calendar; charset=utf-8; method=${ics.calendarMethod}`)
      const calendar = new ICAL.Component(ICAL.parse(ics.content))
      expect(calendar.getFirstPropertyValue("method")).toBe(ics.calendarMethod)
      const event = calendar.getFirstSubcomponent("vevent")
      const attendees = event?.getAllProperties("attendee").map((p) => String(p.getFirstValue())) ?? []
      // Another member's address never travels in someone else's invitation.
      expect(attendees).toEqual(["mailto:lid1@example.nl"])
    }
    const cancel = messages[6]?.attachments[0]?.content ?? ""
    expect(cancel).toContain("STATUS:CANCELLED")
    expect(cancel).toContain("SEQUENCE:2")
  })

  it("gives the same notification the same key, and each channel, member and version its own", () => {
    const n = everyKind(addressee(1, "nl"))[3]
    if (n === undefined) throw new Error("sample missing")
    expect(rendered(n).idempotencyKey).toBe("gathering-invitation:g-2027-1:0:m-1:email")
    expect(rendered(n).idempotencyKey).toBe(Notifier.keyOf(n, "email"))
    expect(rendered(n, "webhook").idempotencyKey).toBe("gathering-invitation:g-2027-1:0:m-1:webhook")
    const keys = [
      ...everyKind(addressee(1, "nl")),
      ...everyKind(addressee(2, "nl")),
      { _tag: "Reminder" as const, recipient: addressee(1, "nl"), event: gathering(), daysBefore: 7 }
    ].flatMap((x) => [rendered(x).idempotencyKey, rendered(x, "webhook").idempotencyKey])
    expect(new Set(keys).size).toBe(keys.length)
  })

  it("escapes HTML, keeps addresses out of texts and events, and round-trips through the outbox payload", () => {
    for (const n of everyKind(addressee(1, "en"))) {
      for (const channel of ["email", "webhook"] as const) {
        const m = rendered(n, channel)
        expect(m.html === undefined).toBe(channel === "webhook")
        expect(m.html ?? "").not.toContain("<Jansen>")
        expect(m.text).not.toContain("lid1@example.nl")
        expect(JSON.stringify(m.event)).not.toContain("lid1@example.nl")
        const entry = Notifier.toOutbox(m)
        expect(entry.id).toBe(m.idempotencyKey)
        expect(entry.topic).toBe(`notify.${channel}`)
        const back = JSON.parse(JSON.stringify(entry.payload)) as unknown
        const decoded = decode(back)
        expect(Either.isRight(decoded)).toBe(true)
        if (Either.isRight(decoded)) {
          expect(Redacted.value(decoded.right.recipients[0].email)).toBe("lid1@example.nl")
          expect({ ...decoded.right, recipients: [] }).toEqual({ ...m, recipients: [] })
        }
      }
    }
  })

  it("reports every problem: a bad calendar event and an over-long key", () => {
    const result = Notifier.render(
      {
        _tag: "GatheringInvitation",
        recipient: addressee(1, "nl", `m-${"x".repeat(120)}`),
        event: { ...gathering(), durationMinutes: 0 }
      },
      { communityId: COMMUNITY, channel: "email", stamp: STAMP }
    )
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left._tag).toBe("RenderError")
      expect(result.left.problems.map((p) => p.path)).toEqual(["", "event.events[0].durationMinutes"])
    }
  })

  it("refuses a control character in any header-bound field, naming the field (issue 13)", () => {
    const context = { communityId: COMMUNITY, channel: "email" as const, stamp: STAMP }
    for (const bad of ["Lid 1\r\nBcc: x@example.nl", "Lid\t1", "Lid\u00851", "Lid\u20281", "Lid\u00001"]) {
      const result = Notifier.render(
        { _tag: "GatheringInvitation", recipient: { ...addressee(1, "nl"), name: bad }, event: gathering() },
        context
      )
      expect(Either.isLeft(result), JSON.stringify(bad)).toBe(true)
      if (Either.isLeft(result)) {
        expect(result.left._tag).toBe("RenderError")
        expect(result.left.problems.map((p) => p.path)).toEqual(["recipient.name"])
      }
    }
    const subject = Notifier.render(
      {
        _tag: "GatheringInvitation",
        recipient: addressee(1, "nl"),
        event: { ...gathering(), summary: "Voorjaar\n2027" }
      },
      context
    )
    expect(Either.isLeft(subject) ? subject.left.problems.map((p) => p.path) : []).toContain("subject")
    // A stored payload with CR/LF in the name does not decode, so the dispatcher dead-letters it.
    const encoded = JSON.parse(
      JSON.stringify(Notifier.toOutbox(rendered(everyKind(addressee(1, "nl"))[3] as Notifier.Notification)).payload)
    )
    encoded.recipients[0].name = "Lid\r\n1"
    expect(Either.isLeft(decode(encoded))).toBe(true)
  })

  it.effect("the console notifier prints the message with the address masked", () =>
    Effect.gen(function* () {
      const lines: Array<string> = []
      const message = rendered(everyKind(addressee(1, "nl"))[3] as Notifier.Notification)
      const answer = yield* Notifier.ConsoleNotifier.make()
        .send(message)
        .pipe(
          Effect.withConsole({
            ...(yield* Effect.console),
            log: (...args: ReadonlyArray<unknown>) => Effect.sync(() => lines.push(args.join(" ")))
          })
        )
      expect(answer._tag).toBe("Delivered")
      const printed = lines.join("\n")
      expect(printed).toContain("Lid 1 <l…@example.nl>")
      expect(printed).toContain("Uitnodiging: Kwartaalbijeenkomst voorjaar 2027")
      expect(printed).not.toContain("lid1@example.nl")
    })
  )

  it.effect("routes by channel and fails for good on a channel nobody serves", () =>
    Effect.gen(function* () {
      const seen: Array<string> = []
      const email = Notifier.fromPromise(["email"], async (m) => {
        seen.push(m.idempotencyKey)
        return { _tag: "Delivered" }
      })
      const router = Notifier.route([email])
      const n = everyKind(addressee(1, "nl"))[1] as Notifier.Notification
      expect((yield* router.send(rendered(n, "email")))._tag).toBe("Delivered")
      const other = yield* router.send(rendered(n, "webhook"))
      expect(other._tag).toBe("FailedForGood")
      expect(seen).toEqual(["group-placement:lg-3:0:m-1:email"])
      const throwing = Notifier.fromPromise(["email"], async () => {
        throw new Error("ECONNREFUSED")
      })
      expect(yield* throwing.send(rendered(n))).toMatchObject({ _tag: "RetryLater", reason: "ECONNREFUSED" })
    })
  )
})
