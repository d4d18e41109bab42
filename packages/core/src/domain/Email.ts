/**
 * E-mail addresses.
 *
 * The check is deliberately simple (one `@`, a dot in the domain, no spaces): the only real test of
 * an address is a message that arrives. Addresses are personal data: records keep them
 * `Redacted`, so they never show up in logs or error messages by accident, and a rejected address
 * is not repeated in the decode error, which says what is wrong with it instead.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const EMAIL = /^[^\s@"<>()[\],;:\\]+@[^\s@"<>()[\],;:\\.]+(\.[^\s@"<>()[\],;:\\.]+)+$/u

// What is wrong with a rejected address, said without repeating it: even a malformed address
// ("jan@@bzk.nl") is personal data, and a decode error travels to logs and HTTP answers.
const whatIsWrong = (value: unknown): string => {
  if (typeof value !== "string") return "the value given is not a text"
  if (value.length > 254) return `the value given has ${value.length} characters (at most 254)`
  const ats = value.split("@").length - 1
  if (ats === 0) return "the value given has no @"
  if (ats > 1) return "the value given has more than one @"
  if (/\s/u.test(value)) return "the value given contains a space"
  const [local = "", domain = ""] = value.split("@")
  if (local === "") return "the value given has nothing before the @"
  if (!domain.includes(".")) return "the part after the @ has no dot"
  if (domain.startsWith(".") || domain.endsWith(".") || domain.includes(".."))
    return "the part after the @ has an empty part between dots"
  return 'the value given contains a character an address cannot have (one of "<>()[],;:\\)'
}

/**
 * An e-mail address such as `j.de.vries@minfin.nl` (at most 254 characters).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Domain } from "@grenzeloos/core"
 *
 * Schema.decodeUnknownSync(Domain.Email)("j.de.vries@minfin.nl")
 * ```
 * @since 0.1.0
 */
export const Email = Schema.String.pipe(
  Schema.filter((s) => s.length <= 254 && EMAIL.test(s), {
    message: (issue) => `expected an e-mail address such as naam@ministerie.nl, but ${whatIsWrong(issue.actual)}`,
    arbitrary: () => (fc) =>
      fc
        .tuple(
          fc.stringMatching(/^[a-z0-9][a-z0-9.+_-]{0,20}$/),
          fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/),
          fc.constantFrom("nl", "org", "eu", "com")
        )
        .map(([local, domain, tld]) => `${local}@${domain}.${tld}`)
  }),
  Schema.brand("Email"),
  Schema.annotations({ identifier: "Email" })
)
/** @since 0.1.0 */
export type Email = typeof Email.Type

/**
 * The form of an address that identifies a person in a community: Unicode NFC, without
 * surrounding spaces, in lower case (locale-independent). Two addresses with the same key are the
 * same person: `registerMembers` matches on it and the store keeps it unique per community
 * (decision 0047). The local part is folded too, although RFC 5321 lets a server tell cases apart:
 * no provider a government uses does, and two members who differ only in case are a typing error.
 *
 * @example
 * ```ts
 * import { Domain } from "@grenzeloos/core"
 *
 * Domain.emailKey(" J.de.Vries@MinFin.nl ") // "j.de.vries@minfin.nl"
 * ```
 * @since 0.2.0
 */
export const emailKey = (address: string): string => address.normalize("NFC").trim().toLowerCase()
