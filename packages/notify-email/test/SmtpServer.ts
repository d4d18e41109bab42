// A real SMTP server on 127.0.0.1 for the tests (smtp-server), reading back every message that
// arrived with mailparser. It can reject recipients, answer 4xx for a while, or accept a message
// and then drop the connection before answering.
import type { AddressInfo, Socket } from "node:net"
import { Effect, type Scope } from "effect"
import { type ParsedMail, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"

export type Reply =
  | { readonly _tag: "Accept" }
  | { readonly _tag: "Reject"; readonly code: number; readonly message: string }
  | { readonly _tag: "DropAfterAccept" }

export interface Arrival {
  readonly raw: string
  readonly mail: ParsedMail
  readonly messageId: string
}

export interface Server {
  readonly port: number
  readonly arrivals: Array<Arrival>
  /** The most connections open at once. */
  readonly peakConnections: () => number
  /** The client port of every connection the server accepted, in order. */
  readonly remotePorts: () => ReadonlyArray<number>
}

const ACCEPT: Reply = { _tag: "Accept" }

export const start = (
  plan: (call: number) => Reply = () => ACCEPT,
  options: { readonly secure?: boolean } = {}
): Effect.Effect<Server, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.async<{ smtp: SMTPServer; server: Server }>((resume) => {
      const arrivals: Array<Arrival> = []
      const sockets = new Map<number, Socket>()
      const remotePorts: Array<number> = []
      let open = 0
      let peak = 0
      let calls = 0
      const smtp = new SMTPServer({
        authOptional: true,
        // Implicit TLS with smtp-server's own self-signed certificate when `secure`.
        secure: options.secure ?? false,
        disabledCommands: ["STARTTLS"],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Array<Buffer> = []
          stream.on("data", (chunk: Buffer) => chunks.push(chunk))
          stream.on("end", () => {
            calls += 1
            const reply = plan(calls)
            if (reply._tag === "Reject") {
              const error = Object.assign(new Error(reply.message), { responseCode: reply.code })
              callback(error)
              return
            }
            const raw = Buffer.concat(chunks).toString("utf8")
            simpleParser(raw).then((mail) => {
              arrivals.push({ raw, mail, messageId: mail.messageId ?? "" })
              if (reply._tag === "DropAfterAccept") {
                // Counted as closed now: its close event may come after the client reconnected.
                const socket = sockets.get(session.remotePort)
                if (socket !== undefined && sockets.delete(session.remotePort)) open -= 1
                socket?.destroy()
              } else callback()
            })
          })
        }
      })
      smtp.server.on("connection", (socket: Socket) => {
        const port = socket.remotePort ?? 0
        remotePorts.push(port)
        sockets.set(port, socket)
        open += 1
        peak = Math.max(peak, open)
        socket.on("close", () => {
          if (sockets.get(port) === socket && sockets.delete(port)) open -= 1
        })
      })
      smtp.listen(0, "127.0.0.1", () => {
        const { port } = smtp.server.address() as AddressInfo
        resume(
          Effect.succeed({
            smtp,
            server: { port, arrivals, peakConnections: () => peak, remotePorts: () => remotePorts }
          })
        )
      })
    }),
    ({ smtp }) => Effect.async<void>((resume) => smtp.close(() => resume(Effect.void)))
  ).pipe(Effect.map(({ server }) => server))

/** A port on 127.0.0.1 where nothing listens. */
export const closedPort: Effect.Effect<number> = Effect.acquireUseRelease(
  Effect.async<SMTPServer>((resume) => {
    const smtp = new SMTPServer({ logger: false })
    smtp.listen(0, "127.0.0.1", () => resume(Effect.succeed(smtp)))
  }),
  (smtp) => Effect.succeed((smtp.server.address() as AddressInfo).port),
  (smtp) => Effect.async<void>((resume) => smtp.close(() => resume(Effect.void)))
)
