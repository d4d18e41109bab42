/**
 * A seeded generator of a realistic, entirely fictional community of programme directors: members
 * with plausible Dutch names spread over the ministries and agencies of the central government,
 * their programmes and interests, availability patterns, facilitators, and the backlog agenda the
 * community started with. The same options give the same community, byte for byte.
 *
 * @since 0.1.0
 */
import { Domain, Rng } from "@grenzeloos/core"
import { Schema } from "effect"
import { ballotsFor, pollResponsesFor } from "./synthetic/Activity.js"
import { FAMILY_NAMES, FIRST_NAMES } from "./synthetic/Names.js"
import { ORGANISATIONS } from "./synthetic/Organisations.js"
import { THEMES } from "./synthetic/Themes.js"

/**
 * Options for {@link community}.
 *
 * @since 0.1.0
 */
export interface Options {
  /** The seed; the same seed gives the same community. Defaults to 2026. */
  readonly seed?: number
  /** How many members (default 100). */
  readonly members?: number
  /** How many facilitators (default 5; the programme team is at least 4 and at most 6 by default). */
  readonly facilitators?: number
  /** The community's id (default `"rijk-programmadirecteuren"`). */
  readonly communityId?: string
  /** The moment the community was set up, an ISO timestamp (default `2026-01-05T09:00:00.000Z`). */
  readonly createdAt?: string
}

/**
 * A generated community: every record decoded with the domain schemas, so it is valid input for
 * every engine and store.
 *
 * @since 0.1.0
 */
export interface SyntheticCommunity {
  readonly community: Domain.Community
  readonly members: ReadonlyArray<Domain.Member>
  readonly facilitators: ReadonlyArray<Domain.Facilitator>
  readonly themes: ReadonlyArray<Domain.Theme>
}

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"] as const

const asciiSlug = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ı/g, "i")
    .replace(/ğ/g, "g")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "")

const pad = (n: number, width: number) => String(n).padStart(width, "0")

const weightedIndex = (rng: Rng.Rng, weights: ReadonlyArray<number>): number => {
  const total = weights.reduce((a, b) => a + b, 0)
  let r = rng.next() * total
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0
    if (r < 0) return i
  }
  return weights.length - 1
}

const sample = <A>(rng: Rng.Rng, items: ReadonlyArray<A>, count: number): Array<A> =>
  Rng.shuffle(rng, items).slice(0, Math.min(count, items.length))

/**
 * Generates a community. With no options: 100 members, 5 facilitators and the 14 backlog themes,
 * from seed 2026.
 *
 * @example
 * ```ts
 * import { Synthetic } from "@grenzeloos/testkit"
 *
 * const { members, themes } = Synthetic.community({ seed: 7 })
 * console.log(members.length, themes.length) // 100 14
 * ```
 * @since 0.1.0
 */
export const community = (options: Options = {}): SyntheticCommunity => {
  const seed = options.seed ?? 2026
  const memberCount = options.members ?? 100
  const facilitatorCount = options.facilitators ?? 5
  const communityId = options.communityId ?? "rijk-programmadirecteuren"
  const createdAt = options.createdAt ?? "2026-01-05T09:00:00.000Z"
  const rng = Rng.make(seed)

  const community = Schema.decodeUnknownSync(Domain.Community)({
    id: communityId,
    name: "Programmadirecteuren Rijk",
    defaultLanguage: "nl",
    timeZone: "Europe/Amsterdam",
    createdAt
  })

  const usedEmails = new Set<string>()
  const uniqueEmail = (local: string, domain: string): string => {
    let candidate = `${local}@${domain}`
    for (let n = 2; usedEmails.has(candidate); n++) candidate = `${local}${n}@${domain}`
    usedEmails.add(candidate)
    return candidate
  }
  const personName = (): { name: string; local: string } => {
    const first = FIRST_NAMES[rng.int(FIRST_NAMES.length)] ?? "Anouk"
    const family = FAMILY_NAMES[rng.int(FAMILY_NAMES.length)] ?? "de Vries"
    return { name: `${first} ${family}`, local: `${asciiSlug(first)}.${asciiSlug(family)}` }
  }

  const themeTitles = THEMES.map((t) => t.title)
  const weights = ORGANISATIONS.map((o) => o.weight)
  const createdYear = Number(createdAt.slice(0, 4))

  const members = Array.from({ length: memberCount }, (_, index) => {
    const org = ORGANISATIONS[weightedIndex(rng, weights)] ?? ORGANISATIONS[0]
    if (org === undefined) throw new Error("no organisations")
    const { name, local } = personName()
    // Most directors lead a programme of their own organisation; some lead one shared across
    // government, which is what makes the community cross-boundary.
    const programmes = rng.next() < 0.8 ? org.programmes : ORGANISATIONS.flatMap((o) => o.programmes)
    const programme = programmes[rng.int(programmes.length)] ?? "Werk aan Uitvoering"
    const interests = sample(rng, themeTitles, 2 + rng.int(3))
    const roll = rng.next()
    const status = roll < 0.82 ? "active" : roll < 0.9 ? "intake-planned" : roll < 0.95 ? "invited" : "paused"
    const weekdays = WEEKDAYS.filter(() => rng.next() < 0.7)
    const joinedYear = createdYear - 3 + rng.int(4)
    const joinedOn = `${joinedYear}-${pad(1 + rng.int(12), 2)}-${pad(1 + rng.int(28), 2)}`
    const unavailableOn = Array.from(
      { length: rng.int(4) },
      () => `${createdYear}-${pad(1 + rng.int(12), 2)}-${pad(1 + rng.int(28), 2)}`
    )
    return Schema.decodeUnknownSync(Domain.Member)({
      id: `m-${pad(index + 1, 3)}`,
      communityId,
      name,
      email: uniqueEmail(local, org.domain),
      organisation: org.name,
      programme,
      interests,
      preferredLanguage: rng.next() < 0.9 ? "nl" : "en",
      status,
      joinedOn,
      availability: {
        weekdays: weekdays.length > 0 ? weekdays : ["tuesday"],
        partsOfDay: rng.next() < 0.6 ? ["morning", "afternoon"] : rng.next() < 0.5 ? ["afternoon"] : ["morning"],
        unavailableOn: [...new Set(unavailableOn)].sort()
      }
    })
  })

  const facilitators = Array.from({ length: facilitatorCount }, (_, index) => {
    const { name, local } = personName()
    return Schema.decodeUnknownSync(Domain.Facilitator)({
      id: `f-${pad(index + 1, 2)}`,
      communityId,
      name,
      email: uniqueEmail(local, "grenzeloossamenwerken.nl"),
      role: index < Math.max(1, facilitatorCount - 1) ? "programme-team" : "guest",
      preferredLanguage: "nl",
      maxGroups: 3 + rng.int(2)
    })
  })

  const proposers = members.filter((m) => m.status === "active")
  const themes = THEMES.map((seedTheme) => {
    const proposer = proposers.length > 0 ? proposers[rng.int(proposers.length)] : undefined
    return Schema.decodeUnknownSync(Domain.Theme)({
      id: `t-${seedTheme.slug}`,
      communityId,
      title: seedTheme.title,
      description: seedTheme.description,
      durationMinutes: seedTheme.durationMinutes,
      status: "backlog",
      proposedBy:
        proposer === undefined
          ? { _tag: "Facilitator", facilitatorId: facilitators[0]?.id ?? "f-01" }
          : { _tag: "Member", memberId: proposer.id },
      proposedOn: `${createdYear - 1}-${pad(1 + rng.int(12), 2)}-${pad(1 + rng.int(28), 2)}`,
      discussedAt: []
    })
  })

  return { community, members, facilitators, themes }
}

/**
 * The community encoded as plain JSON-ready data (e-mail addresses in clear), e.g. to write a
 * fixture file or feed a store.
 *
 * @example
 * ```ts
 * import { Synthetic } from "@grenzeloos/testkit"
 *
 * const json = JSON.stringify(Synthetic.encode(Synthetic.community()), null, 2)
 * ```
 * @since 0.1.0
 */
export const encode = (generated: SyntheticCommunity) => ({
  community: Schema.encodeSync(Domain.Community)(generated.community),
  members: generated.members.map((m) => Schema.encodeSync(Domain.Member)(m)),
  facilitators: generated.facilitators.map((f) => Schema.encodeSync(Domain.Facilitator)(f)),
  themes: generated.themes.map((t) => Schema.encodeSync(Domain.Theme)(t))
})

/**
 * Ballots of a voting round as the members of a generated community would cast them: most active
 * members vote, for the themes that match their interests (and sometimes one more), in the round's
 * format. The same seed gives the same ballots.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 * import { Synthetic } from "@grenzeloos/testkit"
 *
 * const generated = Synthetic.community()
 * const [first, ...rest] = generated.themes.map((t) => t.id)
 * const round = Schema.decodeUnknownSync(Domain.VotingRound)({
 *   id: "v-1", communityId: generated.community.id, title: "Voorjaar", themeIds: [first, ...rest],
 *   format: { _tag: "approval" }, status: "open",
 *   opensAt: "2026-02-01T08:00:00.000Z", closesAt: "2026-02-14T17:00:00.000Z"
 * })
 * const ballots = Synthetic.ballots(generated, round, { seed: 1 })
 * ```
 * @since 0.1.0
 */
export const ballots = (
  generated: SyntheticCommunity,
  round: Domain.VotingRound,
  options: { readonly seed?: number } = {}
): Array<Domain.Ballot> => ballotsFor(generated.members, generated.themes, round, options.seed ?? 2026)

/**
 * Answers to an availability poll as the members of a generated community would give them,
 * following their usual weekdays, parts of the day and known days off; about one in eight does
 * not answer. The same seed gives the same answers.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 * import { Synthetic } from "@grenzeloos/testkit"
 *
 * const generated = Synthetic.community()
 * const poll = Schema.decodeUnknownSync(Domain.AvailabilityPoll)({
 *   id: "p-1", communityId: generated.community.id, title: "Datum", requiredMemberIds: [], status: "open",
 *   slots: [{ id: "s1", startsAt: "2026-05-12T13:00:00.000+02:00[Europe/Amsterdam]", durationMinutes: 240 }]
 * })
 * const responses = Synthetic.pollResponses(generated, poll, { respondedAt: "2026-03-01T09:00:00.000Z" })
 * ```
 * @since 0.1.0
 */
export const pollResponses = (
  generated: SyntheticCommunity,
  poll: Domain.AvailabilityPoll,
  options: { readonly seed?: number; readonly respondedAt: string }
): Array<Domain.PollResponse> => pollResponsesFor(generated.members, poll, options.respondedAt, options.seed ?? 2026)
