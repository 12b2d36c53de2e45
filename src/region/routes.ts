// HTTP for the region (tenant) of the logged-in user.
import { z } from "zod";
import { type App, type AppContext, userOf } from "../platform/http.ts";
import { problemResponses } from "../platform/schemas.ts";
import { getRegion } from "./store.ts";

export const Municipality = z.object({ id: z.string(), cbsCode: z.string(), name: z.string() });
export const RegionSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    theme: z.object({ primary: z.string().optional(), accent: z.string().optional() }),
    municipalities: z.array(Municipality),
  })
  .meta({ id: "Region" });

export async function regionRoutes(app: App, ctx: AppContext) {
  app.get(
    "/api/region",
    {
      schema: {
        tags: ["region"],
        summary: "The region (tenant) with its municipalities",
        response: { 200: RegionSchema, ...problemResponses },
      },
      config: { action: "region:read" },
    },
    async (request) => getRegion(ctx.db, userOf(request).regionId),
  );
}
