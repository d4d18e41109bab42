/**
 * A small TCP proxy on 127.0.0.1 that injects the faults a notifier meets in the field, between a
 * real client and a real server: it refuses connections, black-holes them (accepts and never
 * answers), answers with given bytes and hangs up (a `421` greeting, a TLS alert), drops the
 * connection in the middle of a request, or drops it after the request reached the server and
 * before its answer reaches the client. No protocol is mocked: the bytes are the real ones.
 *
 * @since 0.1.0
 */
import * as net from "node:net"
import { Effect, type Scope } from "effect"

/**
 * What the proxy does with the next connections.
 *
 * - `Pass`: relays both ways.
 * - `Refuse`: stops listening, so a connect is refused (`ECONNREFUSED`).
 * - `BlackHole`: accepts and never answers nor relays.
 * - `Answer`: accepts, writes `bytes` (e.g. `421 4.3.2 Service not available\r\n`) and hangs up.
 * - `DropMid`: relays until the client has sent `marker`, then relays half of what follows and
 *   hangs up on both sides (the request never completes at the server).
 * - `DropAfter`: relays the request; once the client has sent `marker` (empty: anything), the
 *   server's next answer is swallowed and the client is hung up on (the server has the request,
 *   the client does not know).
 *
 * @example
 * ```ts
 * import { FaultProxy } from "@grenzeloos/testkit"
 *
 * const dropMidData: FaultProxy.Fault = { _tag: "DropMid", marker: "DATA\r\n" }
 * ```
 * @since 0.1.0
 */
export type Fault =
  | { readonly _tag: "Pass" }
  | { readonly _tag: "Refuse" }
  | { readonly _tag: "BlackHole" }
  | { readonly _tag: "Answer"; readonly bytes: string | Uint8Array }
  | { readonly _tag: "DropMid"; readonly marker: string }
  | { readonly _tag: "DropAfter"; readonly marker: string }

/**
 * A running proxy: its port, the fault it injects now, and counters.
 *
 * @since 0.1.0
 */
export interface FaultProxy {
  readonly port: number
  /** Switches the fault for connections from now on; `Pass` and the others also end black-holed connections. */
  readonly set: (fault: Fault) => Effect.Effect<void>
  /** Connections accepted so far (refused ones are not seen). */
  readonly connections: () => number
}

const PASS: Fault = { _tag: "Pass" }

const listen = (server: net.Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    const onError = (error: Error) => reject(error)
    server.once("error", onError)
    server.listen(port, "127.0.0.1", () => {
      server.off("error", onError)
      resolve((server.address() as net.AddressInfo).port)
    })
  })

/**
 * Starts a proxy to `target` on 127.0.0.1 (a free port); it is closed with the scope.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { FaultProxy } from "@grenzeloos/testkit"
 *
 * const program = Effect.scoped(
 *   Effect.gen(function* () {
 *     const proxy = yield* FaultProxy.start({ port: 2525 })
 *     yield* proxy.set({ _tag: "Refuse" })
 *     // … the notifier connects to proxy.port and is refused …
 *     yield* proxy.set({ _tag: "Pass" })
 *   })
 * )
 * ```
 * @since 0.1.0
 */
export const start = (target: { readonly port: number }): Effect.Effect<FaultProxy, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.promise(async () => {
      let fault: Fault = PASS
      let accepted = 0
      const open = new Set<net.Socket>()
      const held = new Set<net.Socket>()
      const track = (socket: net.Socket) => {
        open.add(socket)
        socket.on("close", () => {
          open.delete(socket)
          held.delete(socket)
        })
        socket.on("error", () => socket.destroy())
      }
      const server = net.createServer({ noDelay: true }, (client) => {
        accepted += 1
        track(client)
        const now = fault
        if (now._tag === "BlackHole") {
          held.add(client)
          return
        }
        if (now._tag === "Answer") {
          client.end(now.bytes)
          return
        }
        const upstream = net.connect({ host: "127.0.0.1", port: target.port, noDelay: true })
        track(upstream)
        upstream.on("close", () => client.destroy())
        client.on("close", () => upstream.destroy())
        let sent = ""
        let armed = false
        let dropped = false
        client.on("data", (chunk: Buffer) => {
          if (dropped) return
          if (now._tag === "DropMid") {
            const before = sent.length
            sent += chunk.toString("latin1")
            const at = sent.indexOf(now.marker)
            if (at >= 0 && at + now.marker.length < sent.length) {
              const cut = at + now.marker.length + Math.ceil((sent.length - at - now.marker.length) / 2)
              dropped = true
              upstream.write(chunk.subarray(0, Math.max(0, cut - before)), () => {
                upstream.destroy()
                client.destroy()
              })
              return
            }
          } else if (now._tag === "DropAfter") {
            sent += chunk.toString("latin1")
            if (sent.includes(now.marker)) armed = true
          }
          upstream.write(chunk)
        })
        upstream.on("data", (chunk: Buffer) => {
          if (armed) {
            client.destroy()
            upstream.end()
            return
          }
          client.write(chunk)
        })
      })
      const port = await listen(server, 0)
      const set = (next: Fault) =>
        Effect.promise(async () => {
          const was = fault
          fault = next
          for (const socket of held) socket.destroy()
          if (next._tag === "Refuse" && was._tag !== "Refuse") {
            const closed = new Promise<void>((resolve) => server.close(() => resolve()))
            for (const socket of open) socket.destroy()
            await closed
          } else if (next._tag !== "Refuse" && was._tag === "Refuse") await listen(server, port)
        })
      return {
        proxy: { port, set, connections: () => accepted } satisfies FaultProxy,
        close: () =>
          new Promise<void>((resolve) => {
            for (const socket of open) socket.destroy()
            if (server.listening) server.close(() => resolve())
            else resolve()
          })
      }
    }),
    ({ close }) => Effect.promise(close)
  ).pipe(Effect.map(({ proxy }) => proxy))
