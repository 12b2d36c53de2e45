import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { engineSchemaFiles, SCHEMA_DIR } from "./engine-schemas.ts";

describe("published JSON Schemas of the engine formats", () => {
  it("equal what the zod schemas generate (run: node --import tsx src/platform/engine-schemas.ts --write)", () => {
    for (const [file, text] of Object.entries(engineSchemaFiles())) {
      expect(readFileSync(new URL(file, SCHEMA_DIR), "utf8"), file).toBe(text);
    }
  });
});
