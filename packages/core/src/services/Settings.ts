/**
 * The settings the use cases need from the tool that embeds the library: who sends the
 * invitations, the domain of calendar UIDs, and the channels members are notified on.
 *
 * @since 0.1.0
 */
import { Context, Layer } from "effect"
import type { Channel } from "../notify/Message.js"

/**
 * The embedding tool's settings.
 *
 * @since 0.1.0
 */
export interface SettingsService {
  /** The organizer of gatherings in calendar invitations (the programme team's mailbox). */
  readonly organizer: { readonly name: string; readonly email: string }
  /** The domain part of iCalendar UIDs, e.g. `"grenzeloos.example"`: a domain the tool owns. */
  readonly uidDomain: string
  /** The channels every notification is rendered for (default: e-mail only). */
  readonly channels?: ReadonlyArray<Channel>
}

/**
 * The settings as an Effect service.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const settings = Services.Settings.layer({
 *   organizer: { name: "Programmateam", email: "programmateam@example.nl" },
 *   uidDomain: "grenzeloos.example.nl"
 * })
 * ```
 * @since 0.1.0
 */
export class Settings extends Context.Tag("@grenzeloos/core/Settings")<Settings, SettingsService>() {}

/**
 * A layer with the given settings.
 *
 * @example
 * ```ts
 * import { Services } from "@grenzeloos/core"
 *
 * const layer = Services.Settings.layer({ organizer: { name: "Team", email: "team@example.nl" }, uidDomain: "example.nl" })
 * ```
 * @since 0.1.0
 */
export const layer = (settings: SettingsService): Layer.Layer<Settings> => Layer.succeed(Settings, settings)
