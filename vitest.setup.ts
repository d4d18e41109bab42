// Runs before every test file. The test files share their workers' module cache (decision 0148),
// so what one file changes in a shared module stays for the next. @effect/vitest's `layer(…)`
// replaces `it.effect` and `it.scoped` on the shared `it` with versions bound to that file's layer
// (without the test services when `excludeTestServices` is set): a later file's `it.effect` would
// then run without TestClock. The methods as first loaded are put back before each file.
import { it } from "@effect/vitest"

const key = Symbol.for("grenzeloos/test/effect-vitest-methods")
const store = globalThis as { [key]?: Partial<typeof it> }
const pristine = (store[key] ??= {
  effect: it.effect,
  scoped: it.scoped,
  live: it.live,
  scopedLive: it.scopedLive,
  flakyTest: it.flakyTest,
  layer: it.layer,
  prop: it.prop
})
Object.assign(it, pristine)
