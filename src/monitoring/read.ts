// Streams an indications CSV file through the parser into the table (the I/O side of kpi).
import { createReadStream } from "node:fs";
import { CsvParser } from "./csv.ts";
import { CsvFieldError, IndicationReader, type IndicationTable } from "./indications.ts";
import type { KpiConfig } from "./schema.ts";

export class UnreadableFile extends Error {}

export async function readIndications(path: string, config: KpiConfig): Promise<IndicationTable> {
  const reader = new IndicationReader(config);
  const parser = new CsvParser(reader, INDICATION_FIELDS_LIMIT);
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) parser.push(chunk as Uint8Array);
  } catch (error) {
    if (error instanceof Error && "code" in error)
      throw new UnreadableFile(String((error as NodeJS.ErrnoException).code));
    throw error;
  }
  parser.end();
  if (!reader.sawHeader) throw new CsvFieldError(1, null, "the header row is missing (the file is empty)");
  return reader.table();
}

const INDICATION_FIELDS_LIMIT = 256;
