/**
 * Runs the HTTP service, configured from the environment (see `Server.config`). Start it with
 * `pnpm --filter @grenzeloos/example-http-api start` and put the organisation's gateway in front
 * of it: the gateway authenticates people and sets the `X-Grenzeloos-Actor` and
 * `X-Grenzeloos-Community` headers, which this service trusts.
 */
import { NodeRuntime } from "@effect/platform-node"
import { Layer } from "effect"
import { layerConfig } from "./Server.js"

Layer.launch(layerConfig).pipe(NodeRuntime.runMain)
