import { MemoryStore } from "@grenzeloos/core"
import { quarterSuite } from "@grenzeloos/testkit/vitest"

quarterSuite("memory", () => MemoryStore.layer)
