/**
 * The service put together: the API with its handlers and the gateway middleware, the OpenAPI
 * description at `/openapi.json` and Swagger UI at `/docs` (served from the package, no CDN), the
 * use cases over the embedded SQLite store, and a Node.js HTTP server.
 */
import { createServer } from "node:http"
import { HttpApiBuilder, HttpApiSwagger, HttpMiddleware, HttpServer, type HttpServerError } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { Services, type Store } from "@grenzeloos/core"
import { SqliteStore } from "@grenzeloos/storage-sqlite"
import { Config, type ConfigError, Effect, Layer } from "effect"
import { Api } from "./Api.js"
import * as Gateway from "./Gateway.js"
import * as Handlers from "./Handlers.js"

/**
 * How the service runs.
 *
 * @since 0.1.0
 */
export interface ServerConfig {
  /** The port to listen on; 0 picks a free one (read it from `HttpServer.HttpServer`'s address). */
  readonly port: number
  /** The interface to listen on (default `127.0.0.1`: only the gateway on the same host reaches it). */
  readonly host?: string
  /** The SQLite database file, or `":memory:"` for one that lives as long as the service. */
  readonly sqliteFile: string
  /** Who sends the invitations and the domain of calendar UIDs. */
  readonly settings: Services.Settings.SettingsService
}

/**
 * The use cases over the SQLite store, with random ids and the given settings.
 *
 * @example
 * ```ts
 * import { useCases } from "./Server.js"
 *
 * const layer = useCases({ port: 0, sqliteFile: ":memory:", settings: { organizer: { name: "Team", email: "team@example.nl" }, uidDomain: "example.nl" } })
 * ```
 * @since 0.1.0
 */
export const useCases = (config: ServerConfig): Layer.Layer<Services.UseCases.UseCases, Store.StoreMigrationError> =>
  Services.UseCases.layer.pipe(
    Layer.provide(
      Layer.mergeAll(
        SqliteStore.layer({ filename: config.sqliteFile }),
        Services.Ids.layer,
        Services.Settings.layer(config.settings)
      )
    )
  )

/**
 * The running service: a layer that listens until it is released, and gives the
 * `HttpServer` (whose `address` has the port chosen).
 *
 * @example
 * ```ts
 * import { Layer } from "effect"
 * import { NodeRuntime } from "@effect/platform-node"
 * import { layer } from "./Server.js"
 *
 * Layer.launch(
 *   layer({ port: 3000, sqliteFile: ":memory:", settings: { organizer: { name: "Team", email: "team@example.nl" }, uidDomain: "example.nl" } })
 * ).pipe(NodeRuntime.runMain)
 * ```
 * @since 0.1.0
 */
export const layer = (
  config: ServerConfig
): Layer.Layer<HttpServer.HttpServer, Store.StoreMigrationError | HttpServerError.ServeError> =>
  HttpApiBuilder.serve(HttpMiddleware.logger).pipe(
    Layer.provide(HttpApiSwagger.layer({ path: "/docs" })),
    Layer.provide(HttpApiBuilder.middlewareOpenApi({ path: "/openapi.json" })),
    Layer.provide(
      HttpApiBuilder.api(Api).pipe(
        Layer.provide(Handlers.layer),
        Layer.provide(Gateway.layer),
        Layer.provide(useCases(config))
      )
    ),
    HttpServer.withLogAddress,
    Layer.provideMerge(NodeHttpServer.layer(createServer, { port: config.port, host: config.host ?? "127.0.0.1" }))
  )

/**
 * The configuration from the environment: `GRENZELOOS_SQLITE_FILE` (default `:memory:`),
 * `GRENZELOOS_HTTP_PORT` (3000), `GRENZELOOS_HTTP_HOST` (127.0.0.1),
 * `GRENZELOOS_ORGANIZER_NAME`, `GRENZELOOS_ORGANIZER_EMAIL` and `GRENZELOOS_UID_DOMAIN`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { config } from "./Server.js"
 *
 * Effect.runPromise(config).then((c) => console.log(c.port))
 * ```
 * @since 0.1.0
 */
export const config: Effect.Effect<ServerConfig, ConfigError.ConfigError> = Config.all({
  port: Config.port("GRENZELOOS_HTTP_PORT").pipe(Config.withDefault(3000)),
  host: Config.string("GRENZELOOS_HTTP_HOST").pipe(Config.withDefault("127.0.0.1")),
  sqliteFile: Config.string("GRENZELOOS_SQLITE_FILE").pipe(Config.withDefault(":memory:")),
  name: Config.string("GRENZELOOS_ORGANIZER_NAME").pipe(Config.withDefault("Programmateam")),
  email: Config.string("GRENZELOOS_ORGANIZER_EMAIL").pipe(Config.withDefault("programmateam@grenzeloos.invalid")),
  uidDomain: Config.string("GRENZELOOS_UID_DOMAIN").pipe(Config.withDefault("grenzeloos.invalid"))
}).pipe(
  Effect.map(
    ({ port, host, sqliteFile, name, email, uidDomain }): ServerConfig => ({
      port,
      host,
      sqliteFile,
      settings: { organizer: { name, email }, uidDomain }
    })
  )
)

/**
 * The service configured from the environment.
 *
 * @example
 * ```ts
 * import { Layer } from "effect"
 * import { NodeRuntime } from "@effect/platform-node"
 * import { layerConfig } from "./Server.js"
 *
 * Layer.launch(layerConfig).pipe(NodeRuntime.runMain)
 * ```
 * @since 0.1.0
 */
export const layerConfig: Layer.Layer<
  HttpServer.HttpServer,
  Store.StoreMigrationError | HttpServerError.ServeError | ConfigError.ConfigError
> = Layer.unwrapEffect(Effect.map(config, layer))
