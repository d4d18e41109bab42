// The example of docs/guides/writing-a-notifier.md: a notifier for a chat tool's incoming
// webhook, written with plain async functions and the published API of @grenzeloos/core only.
import { Notifier } from "@grenzeloos/core"

export interface ChatConfig {
  /** The chat tool's incoming-webhook URL. */
  readonly url: string
  readonly timeoutMs?: number
}

export const make = (config: ChatConfig): Notifier.NotifierService =>
  // The chat channel rides on the "webhook" channel: it posts the rendered text, not the event.
  Notifier.fromPromise(["webhook"], async (message) => {
    let response: Response
    try {
      response = await fetch(config.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          // The receiver dedupes on this: a resend after a lost answer carries the same key.
          "idempotency-key": message.idempotencyKey
        },
        body: JSON.stringify({ title: message.subject, text: message.text }),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000)
      })
    } catch (error) {
      // Down, refused, timed out: transient. Never put the recipient's address in a reason.
      return { _tag: "RetryLater", reason: error instanceof Error ? error.message : String(error) }
    }
    if (response.ok) return { _tag: "Delivered", receipt: `HTTP ${response.status}` }
    if (response.status === 429 || response.status >= 500) {
      const seconds = Number(response.headers.get("retry-after"))
      return Number.isFinite(seconds) && seconds > 0
        ? { _tag: "RetryLater", reason: `HTTP ${response.status}`, retryAfterMs: seconds * 1_000 }
        : { _tag: "RetryLater", reason: `HTTP ${response.status}` }
    }
    return { _tag: "FailedForGood", reason: `HTTP ${response.status}` }
  })
