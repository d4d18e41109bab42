/**
 * Test kit for Grenzeloos adapters and tools.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
export {}
