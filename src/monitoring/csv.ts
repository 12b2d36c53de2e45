// A tight CSV reader over a byte stream (RFC 4180: commas, double quotes, "" escapes, CRLF or LF).
// It hands each record to a sink as field offsets into a byte buffer, so no strings are made
// for fields nobody reads. Pure: the caller feeds the chunks.

export interface CsvSink {
  /** One record. Field i is buf[starts[i], ends[i]). `line` is the physical line it starts on (1-based). */
  record(buf: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, line: number): void;
}

export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;

export class CsvParser {
  private carry: Uint8Array | null = null;
  private line = 1;
  private starts: Int32Array;
  private ends: Int32Array;
  private scratch = new Uint8Array(1024);

  constructor(
    private readonly sink: CsvSink,
    private readonly maxFields = 256,
  ) {
    this.starts = new Int32Array(maxFields);
    this.ends = new Int32Array(maxFields);
  }

  push(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.carry) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
      this.carry = null;
    }
    let pos = 0;
    if (this.line === 1 && buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    while (pos < buf.length) {
      const next = this.parseRecord(buf, pos, false);
      if (next < 0) break;
      pos = next;
    }
    if (pos < buf.length) this.carry = buf.slice(pos);
  }

  /** Flushes the last record when the input does not end with a newline. */
  end(): void {
    const buf = this.carry;
    this.carry = null;
    if (buf && buf.length > 0) this.parseRecord(buf, 0, true);
  }

  /** Parses one record from pos; returns the position after it, or -1 when it is not complete yet. */
  private parseRecord(buf: Uint8Array, pos: number, final: boolean): number {
    const starts = this.starts;
    const ends = this.ends;
    const len = buf.length;
    let n = 0;
    let fieldStart = pos;
    for (let i = pos; i < len; i++) {
      const c = buf[i]!;
      if (c === COMMA) {
        if (n >= this.maxFields - 1) throw new CsvFormatError(this.line, `more than ${this.maxFields} fields`);
        starts[n] = fieldStart;
        ends[n] = i;
        n++;
        fieldStart = i + 1;
      } else if (c === LF) {
        let end = i;
        if (end > fieldStart && buf[end - 1] === CR) end--;
        starts[n] = fieldStart;
        ends[n] = end;
        n++;
        this.emit(buf, n, i === pos || (n === 1 && end === fieldStart));
        this.line++;
        return i + 1;
      } else if (c === QUOTE) {
        return this.parseQuoted(buf, pos, final);
      }
    }
    if (!final) return -1;
    let end = len;
    if (end > fieldStart && buf[end - 1] === CR) end--;
    starts[n] = fieldStart;
    ends[n] = end;
    n++;
    this.emit(buf, n, n === 1 && end === fieldStart);
    return len;
  }

  private emit(buf: Uint8Array, n: number, blank: boolean): void {
    if (blank) return; // an empty line is no record
    this.sink.record(buf, this.starts, this.ends, n, this.line);
  }

  /** The slow path for a record with quotes: unquotes every field into a scratch buffer. */
  private parseQuoted(buf: Uint8Array, pos: number, final: boolean): number {
    const len = buf.length;
    if (this.scratch.length < len - pos) this.scratch = new Uint8Array((len - pos) * 2);
    const out = this.scratch;
    let o = 0;
    let n = 0;
    let i = pos;
    let newlines = 0;
    this.starts[0] = 0;
    for (;;) {
      // at the start of a field
      const fieldOut = o;
      if (i < len && buf[i] === QUOTE) {
        i++;
        for (;;) {
          if (i >= len) {
            if (!final) return -1;
            throw new CsvFormatError(this.line, "a quoted field is not closed");
          }
          const c = buf[i]!;
          if (c === QUOTE) {
            if (i + 1 < len && buf[i + 1] === QUOTE) {
              out[o++] = QUOTE;
              i += 2;
              continue;
            }
            if (i + 1 >= len && !final) return -1;
            i++;
            break;
          }
          if (c === LF) newlines++;
          out[o++] = c;
          i++;
        }
      }
      // unquoted part (or what follows a closing quote) up to the delimiter
      while (i < len && buf[i] !== COMMA && buf[i] !== LF) {
        if (buf[i] === QUOTE) throw new CsvFormatError(this.line, "a quote inside an unquoted field");
        out[o++] = buf[i]!;
        i++;
      }
      if (n >= this.maxFields) throw new CsvFormatError(this.line, `more than ${this.maxFields} fields`);
      this.starts[n] = fieldOut;
      this.ends[n] = o;
      n++;
      if (i >= len) {
        if (!final) return -1;
        if (o > fieldOut && out[o - 1] === CR) this.ends[n - 1] = o - 1;
        this.sink.record(out, this.starts, this.ends, n, this.line);
        this.line += newlines + 1;
        return len;
      }
      if (buf[i] === LF) {
        if (o > fieldOut && out[o - 1] === CR) this.ends[n - 1] = o - 1;
        this.sink.record(out, this.starts, this.ends, n, this.line);
        this.line += newlines + 1;
        return i + 1;
      }
      i++; // comma
    }
  }
}
