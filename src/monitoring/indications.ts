// Reads indication rows (beschikkingen) from CSV records into compact typed columns: one row
// costs about 40 bytes, and no string is made per row. Pure: records come from the CsvParser.
import { dayNumberOf, daysInMonth } from "../platform/dates.ts";
import type { CsvSink } from "./csv.ts";
import { ByteInterner, grow } from "./interner.ts";
import {
  END_REASONS,
  GOAL_VALUES,
  type GroupColumn,
  INDICATION_COLUMNS,
  type IndicationColumn,
  type KpiConfig,
} from "./schema.ts";

export class CsvFieldError extends Error {
  constructor(
    readonly line: number,
    readonly column: string | null,
    message: string,
  ) {
    super(column === null ? `line ${line}: ${message}` : `line ${line}, column ${column}: ${message}`);
  }
}

/** No date (end_date or requested_on left empty). */
export const NO_DAY = 2147483647;
export const REASON_PLANNED = 0;
export const DROPOUT_REASONS = new Set([2, 3]); // early_client, early_provider
export const GOAL_FULL = 0;
export const GOAL_PARTIAL = 1;

export interface IndicationTable {
  count: number;
  client: Int32Array;
  group: Int32Array;
  /** index into config.segments */
  segment: Int32Array;
  requested: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** index into END_REASONS, −1 for none */
  reason: Int8Array;
  /** index into GOAL_VALUES, −1 for none */
  goal: Int8Array;
  satisfaction: Float64Array;
  /** 1 improved, 0 not improved, −1 not both measured */
  zrm: Int8Array;
  /** group id → its key values, in group_by order */
  groupKeys: string[][];
  clients: number;
}

const decoder = new TextDecoder();
const textOf = (buf: Uint8Array, s: number, e: number) => decoder.decode(buf.subarray(s, e));

/** YYYY-MM-DD straight from bytes to a day number; NaN when it is not a real date. */
function parseDay(buf: Uint8Array, s: number, e: number): number {
  if (e - s !== 10 || buf[s + 4] !== 45 || buf[s + 7] !== 45) return Number.NaN;
  let year = 0;
  for (let i = s; i < s + 4; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return Number.NaN;
    year = year * 10 + d;
  }
  const m1 = buf[s + 5]! - 48;
  const m2 = buf[s + 6]! - 48;
  const d1 = buf[s + 8]! - 48;
  const d2 = buf[s + 9]! - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return Number.NaN;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return dayNumberOf(year, month, day);
}

/** A decimal number from bytes (−12.5, 7); NaN when malformed. */
function parseNumber(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  let negative = false;
  if (buf[i] === 45 || buf[i] === 43) {
    negative = buf[i] === 45;
    i++;
  }
  let value = 0;
  let digits = 0;
  while (i < e && buf[i]! >= 48 && buf[i]! <= 57) {
    value = value * 10 + (buf[i]! - 48);
    i++;
    digits++;
  }
  if (i < e && buf[i] === 46) {
    // rare: let the platform parse decimals exactly as JSON would
    const parsed = Number(textOf(buf, s, e));
    return Number.isFinite(parsed) ? parsed : Number.NaN;
  }
  if (i !== e || digits === 0) return Number.NaN;
  return negative ? -value : value;
}

export class IndicationReader implements CsvSink {
  private columnIndex: Int32Array | null = null;
  private readonly clientIds = new ByteInterner();
  private readonly small: Record<"municipality" | "provider" | "segment" | "subsegment", ByteInterner> = {
    municipality: new ByteInterner(),
    provider: new ByteInterner(),
    segment: new ByteInterner(),
    subsegment: new ByteInterner(),
  };
  private readonly reasonIds = new ByteInterner();
  private readonly goalIds = new ByteInterner();
  private reasonCode: number[] = [];
  private goalCode: number[] = [];
  /** segment interner id → index in config.segments */
  private segmentIndex: number[] = [];
  private readonly lotIndex: number[];
  private readonly lots: string[];
  private readonly groupColumns: GroupColumn[];
  private readonly groupIds = new Map<number | string, number>();
  private readonly groupKeys: string[][] = [];
  private readonly segmentCodes: Map<string, number>;
  private readonly keyIds: number[];
  count = 0;
  private client = new Int32Array(1 << 16);
  private group = new Int32Array(1 << 16);
  private segment = new Int32Array(1 << 16);
  private requested = new Int32Array(1 << 16);
  private start = new Int32Array(1 << 16);
  private end = new Int32Array(1 << 16);
  private reason = new Int8Array(1 << 16);
  private goal = new Int8Array(1 << 16);
  private satisfaction = new Float64Array(1 << 16);
  private zrm = new Int8Array(1 << 16);

  constructor(config: KpiConfig) {
    this.groupColumns = config.group_by;
    this.keyIds = config.group_by.map(() => 0);
    this.segmentCodes = new Map(config.segments.map((s, i) => [s.code, i]));
    this.lots = [...new Set(config.segments.map((s) => s.lot))];
    this.lotIndex = config.segments.map((s) => this.lots.indexOf(s.lot));
  }

  record(buf: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, line: number): void {
    const cols = this.columnIndex;
    if (cols === null) {
      this.readHeader(buf, starts, ends, count, line);
      return;
    }
    if (count !== this.headerCount) {
      throw new CsvFieldError(line, null, `expected ${this.headerCount} fields, found ${count}`);
    }
    const n = this.count;
    if (n === this.client.length) this.growAll();
    this.line = line;
    this.buf = buf;
    this.starts = starts;
    this.ends = ends;
    // id (0) and client (1)
    if (ends[cols[0]!] === starts[cols[0]!]) this.fail(0, "empty");
    const cs = starts[cols[1]!]!;
    const ce = ends[cols[1]!]!;
    if (ce === cs) this.fail(1, "empty");
    this.client[n] = this.clientIds.intern(buf, cs, ce);
    // municipality (2), provider (3), segment (4), subsegment (5)
    const municipality = this.internSmall("municipality", buf, starts[cols[2]!]!, ends[cols[2]!]!);
    if (ends[cols[2]!] === starts[cols[2]!]) this.fail(2, "empty");
    const provider = this.internSmall("provider", buf, starts[cols[3]!]!, ends[cols[3]!]!);
    if (ends[cols[3]!] === starts[cols[3]!]) this.fail(3, "empty");
    const segmentId = this.internSmall("segment", buf, starts[cols[4]!]!, ends[cols[4]!]!);
    let segment = this.segmentIndex[segmentId];
    if (segment === undefined) {
      segment = this.segmentCodes.get(this.fieldText(4)) ?? -1;
      this.segmentIndex[segmentId] = segment;
    }
    if (segment < 0) this.fail(4, `segment '${this.fieldText(4)}' is not in the config's segments`);
    this.segment[n] = segment;
    const subsegment = this.internSmall("subsegment", buf, starts[cols[5]!]!, ends[cols[5]!]!);
    // dates: requested_on (6), start_date (7), end_date (8)
    const rs = starts[cols[6]!]!;
    const re = ends[cols[6]!]!;
    if (re === rs) this.requested[n] = NO_DAY;
    else {
      const d = parseDay(buf, rs, re);
      if (Number.isNaN(d)) this.fail(6, `not an ISO date (YYYY-MM-DD): '${this.fieldText(6)}'`);
      this.requested[n] = d;
    }
    const start = parseDay(buf, starts[cols[7]!]!, ends[cols[7]!]!);
    if (Number.isNaN(start)) this.fail(7, `not an ISO date (YYYY-MM-DD): '${this.fieldText(7)}'`);
    this.start[n] = start;
    const es = starts[cols[8]!]!;
    const ee = ends[cols[8]!]!;
    let ended = false;
    if (ee === es) this.end[n] = NO_DAY;
    else {
      const d = parseDay(buf, es, ee);
      if (Number.isNaN(d)) this.fail(8, `not an ISO date (YYYY-MM-DD): '${this.fieldText(8)}'`);
      if (d < start) this.fail(8, "is before start_date");
      this.end[n] = d;
      ended = true;
    }
    // end_reason (9), goal_realised (10)
    const xs = starts[cols[9]!]!;
    const xe = ends[cols[9]!]!;
    if (xe === xs) this.reason[n] = -1;
    else {
      const id = this.reasonIds.intern(buf, xs, xe);
      let code = this.reasonCode[id];
      if (code === undefined) {
        code = (END_REASONS as readonly string[]).indexOf(this.fieldText(9));
        this.reasonCode[id] = code;
      }
      if (code < 0) this.fail(9, `unknown end_reason '${this.fieldText(9)}' (expected ${END_REASONS.join(", ")})`);
      this.reason[n] = ended ? code : -1;
    }
    const gs = starts[cols[10]!]!;
    const ge = ends[cols[10]!]!;
    if (ge === gs) this.goal[n] = -1;
    else {
      const id = this.goalIds.intern(buf, gs, ge);
      let code = this.goalCode[id];
      if (code === undefined) {
        code = (GOAL_VALUES as readonly string[]).indexOf(this.fieldText(10));
        this.goalCode[id] = code;
      }
      if (code < 0) this.fail(10, `unknown goal_realised '${this.fieldText(10)}' (expected ${GOAL_VALUES.join(", ")})`);
      this.goal[n] = code;
    }
    // satisfaction (11), zrm_start (12), zrm_end (13)
    const ss = starts[cols[11]!]!;
    const se = ends[cols[11]!]!;
    if (se === ss) this.satisfaction[n] = Number.NaN;
    else {
      const v = parseNumber(buf, ss, se);
      if (!(v >= 1 && v <= 10)) this.fail(11, `expected a number 1–10, found '${this.fieldText(11)}'`);
      this.satisfaction[n] = v;
    }
    const zs = this.optionalNumber(buf, starts[cols[12]!]!, ends[cols[12]!]!, 12);
    const ze = this.optionalNumber(buf, starts[cols[13]!]!, ends[cols[13]!]!, 13);
    this.zrm[n] = Number.isNaN(zs) || Number.isNaN(ze) ? -1 : ze > zs ? 1 : 0;
    this.group[n] = this.groupOf(municipality, provider, segment, subsegment);
    this.count = n + 1;
  }

  private headerCount = 0;
  // the record being read, for error messages
  private line = 0;
  private buf: Uint8Array = new Uint8Array(0);
  private starts: Int32Array = new Int32Array(0);
  private ends: Int32Array = new Int32Array(0);

  private fail(c: number, message: string): never {
    throw new CsvFieldError(this.line, INDICATION_COLUMNS[c]!, message);
  }

  private fieldText(c: number): string {
    const i = this.columnIndex![c]!;
    return textOf(this.buf, this.starts[i]!, this.ends[i]!);
  }

  private readHeader(buf: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, line: number): void {
    const names: string[] = [];
    for (let i = 0; i < count; i++) names.push(textOf(buf, starts[i]!, ends[i]!).trim());
    const index = new Int32Array(INDICATION_COLUMNS.length);
    INDICATION_COLUMNS.forEach((column, c) => {
      const i = names.indexOf(column);
      if (i < 0) throw new CsvFieldError(line, column, "missing from the header row");
      index[c] = i;
    });
    this.headerCount = count;
    this.columnIndex = index;
  }

  private optionalNumber(buf: Uint8Array, s: number, e: number, column: number): number {
    if (e === s) return Number.NaN;
    const v = parseNumber(buf, s, e);
    if (Number.isNaN(v)) this.fail(column, `expected a number, found '${textOf(buf, s, e)}'`);
    return v;
  }

  private internSmall(column: keyof IndicationReader["small"], buf: Uint8Array, s: number, e: number): number {
    return this.small[column].intern(buf, s, e);
  }

  private groupOf(municipality: number, provider: number, segment: number, subsegment: number): number {
    const columns = this.groupColumns;
    if (columns.length === 0) {
      if (this.groupKeys.length === 0) this.groupKeys.push([]);
      return 0;
    }
    const ids = this.keyIds;
    let key: number | string = 0;
    let packed = true;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const id =
        column === "municipality"
          ? municipality
          : column === "provider"
            ? provider
            : column === "segment"
              ? segment
              : column === "subsegment"
                ? subsegment
                : this.lotIndex[segment]!;
      ids[i] = id;
      if (id >= 1 << 13) packed = false;
    }
    if (packed && columns.length <= 4) {
      for (let i = 0; i < columns.length; i++) key = (key as number) * 8192 + ids[i]!;
    } else key = ids.join(",");
    let group = this.groupIds.get(key);
    if (group === undefined) {
      group = this.groupKeys.length;
      this.groupIds.set(key, group);
      this.groupKeys.push(
        columns.map((column, i) => {
          const id = ids[i]!;
          if (column === "lot") return this.lots[id]!;
          if (column === "segment") return this.lotLessSegment(id);
          return this.small[column].text(id);
        }),
      );
    }
    return group;
  }

  private segmentCodeList: string[] | null = null;
  private lotLessSegment(segmentIndex: number): string {
    this.segmentCodeList ??= [...this.segmentCodes.keys()];
    return this.segmentCodeList[segmentIndex]!;
  }

  private growAll(): void {
    this.client = grow(this.client);
    this.group = grow(this.group);
    this.segment = grow(this.segment);
    this.requested = grow(this.requested);
    this.start = grow(this.start);
    this.end = grow(this.end);
    this.reason = grow(this.reason);
    this.goal = grow(this.goal);
    this.satisfaction = grow(this.satisfaction);
    this.zrm = grow(this.zrm);
  }

  /** The table read so far; a file with only a header (or nothing) has no indications. */
  table(): IndicationTable {
    return {
      count: this.count,
      client: this.client,
      group: this.group,
      segment: this.segment,
      requested: this.requested,
      start: this.start,
      end: this.end,
      reason: this.reason,
      goal: this.goal,
      satisfaction: this.satisfaction,
      zrm: this.zrm,
      groupKeys: this.groupKeys,
      clients: this.clientIds.size,
    };
  }

  get sawHeader(): boolean {
    return this.columnIndex !== null;
  }
}

export type { IndicationColumn };
