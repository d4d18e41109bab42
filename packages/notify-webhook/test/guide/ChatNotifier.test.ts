// The guide's example notifier passes the same conformance kit as the first-party adapters.
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import { notifierConformance } from "@grenzeloos/testkit/vitest"
import { Effect } from "effect"
import { closedUrl } from "../Receiver.js"
import * as ChatNotifier from "./ChatNotifier.js"

const chatServer = Effect.acquireRelease(
  Effect.async<{ server: http.Server; url: string; keys: Array<string> }>((resume) => {
    const keys: Array<string> = []
    const server = http.createServer((request, response) => {
      request.resume()
      request.on("end", () => {
        keys.push(String(request.headers["idempotency-key"]))
        response.writeHead(200)
        response.end("ok")
      })
    })
    server.listen(0, "127.0.0.1", () =>
      resume(Effect.succeed({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/chat`, keys }))
    )
  }),
  ({ server }) =>
    Effect.async<void>((resume) => {
      server.closeAllConnections()
      server.close(() => resume(Effect.void))
    })
)

notifierConformance(
  "guide: ChatNotifier",
  Effect.map(chatServer, ({ url, keys }) => ({
    notifier: ChatNotifier.make({ url, timeoutMs: 2_000 }),
    received: () => Effect.sync(() => keys.map((key) => ({ key })))
  })),
  { channel: "webhook", unreachable: Effect.map(closedUrl, (url) => ChatNotifier.make({ url })) }
)
