// A real HTTP receiver on 127.0.0.1 for the tests: it verifies every request with the Standard
// Webhooks reference library, answers as the test plans, and records what it accepted.
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import { Effect, type Scope } from "effect"
import { Webhook } from "standardwebhooks"

export type Reply =
  | { readonly _tag: "Status"; readonly status: number; readonly headers?: Readonly<Record<string, string>> }
  /** Accept (record) the message, then drop the connection without answering. */
  | { readonly _tag: "DropAfterAccept" }
  /** Never answer. */
  | { readonly _tag: "Hang" }

export interface Arrival {
  readonly id: string
  readonly body: string
  readonly verified: Array<boolean>
}

export interface Receiver {
  readonly url: string
  /** Every request that reached the handler, in order. */
  readonly requests: Array<Arrival>
  /** Requests the receiver accepted (2xx or accepted-then-dropped). */
  readonly accepted: Array<Arrival>
}

export const OK: Reply = { _tag: "Status", status: 204 }

export const start = (
  secrets: ReadonlyArray<string>,
  plan: (call: number, id: string) => Reply = () => OK
): Effect.Effect<Receiver, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.async<{ server: http.Server; receiver: Receiver }>((resume) => {
      const requests: Array<Arrival> = []
      const accepted: Array<Arrival> = []
      const verifiers = secrets.map((s) => new Webhook(s))
      const server = http.createServer((request, response) => {
        const chunks: Array<Buffer> = []
        request.on("data", (chunk: Buffer) => chunks.push(chunk))
        request.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8")
          const headers = {
            "webhook-id": String(request.headers["webhook-id"]),
            "webhook-timestamp": String(request.headers["webhook-timestamp"]),
            "webhook-signature": String(request.headers["webhook-signature"])
          }
          const verified = verifiers.map((v) => {
            try {
              v.verify(body, headers)
              return true
            } catch {
              return false
            }
          })
          const arrival = { id: headers["webhook-id"], body, verified }
          requests.push(arrival)
          const reply = plan(requests.length, arrival.id)
          if (reply._tag === "Hang") return
          if (reply._tag === "DropAfterAccept") {
            accepted.push(arrival)
            request.socket.destroy()
            return
          }
          if (reply.status >= 200 && reply.status < 300) accepted.push(arrival)
          response.writeHead(reply.status, reply.headers ?? {})
          response.end()
        })
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({ server, receiver: { url: `http://127.0.0.1:${port}/hooks`, requests, accepted } }))
      })
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  ).pipe(Effect.map(({ receiver }) => receiver))

/** A URL on 127.0.0.1 where nothing listens: a port that was just freed. */
export const closedUrl: Effect.Effect<string> = Effect.async<string>((resume) => {
  const server = http.createServer()
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo
    server.close(() => resume(Effect.succeed(`http://127.0.0.1:${port}/hooks`)))
  })
})
