import { SqliteStore } from "@grenzeloos/storage-sqlite"
import { storeConformance } from "@grenzeloos/testkit/vitest"

storeConformance("sqlite :memory:", () => SqliteStore.layer({ filename: ":memory:" }))
