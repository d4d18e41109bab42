import { MemoryStore } from "@grenzeloos/core"
import { storeConformance } from "@grenzeloos/testkit/vitest"

// The reference adapter the kit is written against: it must pass every guarantee.
storeConformance("memory", () => MemoryStore.layer)
