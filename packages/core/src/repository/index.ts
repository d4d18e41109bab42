/**
 * Typed repositories over the Store port: record kinds with their schemas and indexed fields, and
 * reads and writes that encode and decode with the domain schemas.
 *
 * @since 0.1.0
 */
export * from "./Kinds.js"
export * from "./Repository.js"
