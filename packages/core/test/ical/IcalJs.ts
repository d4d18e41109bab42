// ical.js 2.2.1 ships its ES module build under a path its package exports do not reach, so the
// tests load the CommonJS build it also ships; the types come from the package itself.
import { createRequire } from "node:module"
import type ICALModule from "ical.js"

export const ICAL = createRequire(import.meta.url)("ical.js") as typeof ICALModule
