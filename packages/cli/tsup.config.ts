import { readFileSync } from "node:fs"
import { defineConfig } from "tsup"

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string }

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  format: ["esm", "cjs"],
  dts: false,
  sourcemap: true,
  clean: true,
  target: "node22",
  treeshake: true,
  define: { __GRENZELOOS_VERSION__: JSON.stringify(version) }
})
