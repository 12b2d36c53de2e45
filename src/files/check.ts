// What an uploaded file may be: the accepted kinds (judged by content, never by the name the client
// gives), a name whose extension agrees with the content, a size under the limit, and the file name
// as it is kept and sent back. Pure: the detected type and the bytes come in as arguments.

/** What content sniffing (the `file-type` package) found: its usual extension and media type. */
export interface DetectedType {
  ext: string;
  mime: string;
}

export interface AcceptedType {
  label: string;
  mediaType: string;
  /** The extensions a name may end in for this content; the first is the usual one. */
  extensions: readonly string[];
}

export const ACCEPTED_TYPES: readonly AcceptedType[] = [
  { label: "PDF", mediaType: "application/pdf", extensions: ["pdf"] },
  {
    label: "DOCX",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
  {
    label: "XLSX",
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
  },
  { label: "ODT", mediaType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  { label: "PNG", mediaType: "image/png", extensions: ["png"] },
  { label: "JPEG", mediaType: "image/jpeg", extensions: ["jpg", "jpeg", "jpe", "jfif"] },
];

/**
 * What a session's documents may be: a bid's kinds, and the slides as they are made (PowerPoint or
 * OpenDocument), since nobody turns a session's slides into a PDF before sharing them.
 */
export const SESSION_DOCUMENT_TYPES: readonly AcceptedType[] = [
  ...ACCEPTED_TYPES,
  {
    label: "PPTX",
    mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
  },
  { label: "ODP", mediaType: "application/vnd.oasis.opendocument.presentation", extensions: ["odp"] },
];

const listOf = (accepted: readonly AcceptedType[]) => accepted.map((t) => t.label).join(", ");

/** A stable rule code (the UI translates it) and a short English reason. */
export interface FileRefusal {
  rule: "file_empty" | "file_too_large" | "file_type_not_allowed" | "file_extension_mismatch";
  message: string;
}

const MEGABYTE = 1024 * 1024;

export const megabytes = (mb: number): number => mb * MEGABYTE;

/** "25 MB", "0.5 MB": a size limit as people read it (MB of 1024 × 1024 bytes). */
export function formatMegabytes(bytes: number): string {
  return `${Number((bytes / MEGABYTE).toFixed(1))} MB`;
}

/** Refuses a size past the limit; the limit itself is allowed. */
export function sizeRefusal(sizeBytes: number, maxBytes: number): FileRefusal | null {
  if (sizeBytes === 0) return { rule: "file_empty", message: "the file is empty" };
  if (sizeBytes > maxBytes) {
    return { rule: "file_too_large", message: `the file is larger than the limit of ${formatMegabytes(maxBytes)}` };
  }
  return null;
}

export function acceptedType(
  detected: DetectedType | undefined,
  accepted: readonly AcceptedType[] = ACCEPTED_TYPES,
): AcceptedType | undefined {
  return detected && accepted.find((t) => t.mediaType === detected.mime);
}

// Names for kinds of content people are likely to try, so that the refusal says what was sent.
const KIND_NAMES: Record<string, string> = {
  zip: "a ZIP archive",
  rar: "a RAR archive",
  "7z": "a 7-Zip archive",
  gz: "a gzip archive",
  tar: "a tar archive",
  exe: "a Windows program",
  elf: "a Linux program",
  cfb: "an old Microsoft Office file (.doc, .xls or .ppt)",
  doc: "an old Word document (.doc)",
  xls: "an old Excel workbook (.xls)",
  ppt: "an old PowerPoint presentation (.ppt)",
  pptx: "a PowerPoint presentation (PPTX)",
  ods: "an OpenDocument spreadsheet (ODS)",
  odp: "an OpenDocument presentation (ODP)",
  rtf: "an RTF document",
  gif: "a GIF image",
  webp: "a WebP image",
  bmp: "a BMP image",
  tif: "a TIFF image",
  heic: "a HEIC image",
  avif: "an AVIF image",
  ai: "an Adobe Illustrator file",
  mp4: "an MP4 video",
  mov: "a QuickTime video",
  mp3: "an MP3 audio file",
};

/** What the content is, in words: "a ZIP archive", "plain text", "a .xyz file (mime)". */
export function describeContent(
  detected: DetectedType | undefined,
  head: Uint8Array,
  accepted: readonly AcceptedType[] = ACCEPTED_TYPES,
): string {
  if (detected) {
    const known = acceptedType(detected, accepted);
    if (known) return `a ${known.label} file`;
    return KIND_NAMES[detected.ext] ?? `a .${detected.ext} file (${detected.mime})`;
  }
  return looksLikeText(head) ? "plain text" : "not a kind of file that could be recognised";
}

const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;

/** Text when it decodes as UTF-8 without control characters other than tab, line breaks and form feed. */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  try {
    // stream: a character cut in two at the end of the head is not an error
    const text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return ![...text].some((c) => isControl(c) && !"\t\n\r\f".includes(c));
  } catch {
    return false;
  }
}

export function typeRefusal(
  detected: DetectedType | undefined,
  head: Uint8Array,
  accepted: readonly AcceptedType[] = ACCEPTED_TYPES,
): FileRefusal | null {
  if (acceptedType(detected, accepted)) return null;
  return {
    rule: "file_type_not_allowed",
    message: `the content is ${describeContent(detected, head, accepted)}, not one of ${listOf(accepted)}`,
  };
}

// Extensions that say what a file is. A name ending in one of these must agree with the content; a
// name like "offerte.v2" or "Bijlage 3. Referenties" says nothing about the content and is kept as is.
const TELLING_EXTENSIONS = new Set([
  ...SESSION_DOCUMENT_TYPES.flatMap((t) => t.extensions),
  ...["doc", "docm", "dot", "dotx", "xls", "xlsm", "xlsb", "ods", "odp", "odg", "ppt", "pptx", "rtf", "txt", "csv"],
  ...["htm", "html", "xml", "json", "md", "gif", "bmp", "tif", "tiff", "webp", "heic", "heif", "svg", "avif"],
  ...["zip", "rar", "7z", "gz", "tgz", "tar", "exe", "msi", "dll", "bat", "cmd", "com", "js", "sh", "ps1", "jar"],
  ...["mp3", "mp4", "mov", "avi", "wav", "eml", "msg", "pages", "numbers", "key"],
]);

/** The extension of a file name, lower case, without the dot; null when the name has none. */
export function extensionOf(name: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match ? match[1]!.toLowerCase() : null;
}

export function extensionRefusal(name: string, type: AcceptedType): FileRefusal | null {
  const extension = extensionOf(name);
  if (!extension || !TELLING_EXTENSIONS.has(extension) || type.extensions.includes(extension)) return null;
  return {
    rule: "file_extension_mismatch",
    message: `the name ends in .${extension} but the content is a ${type.label} file; rename it to .${type.extensions[0]}`,
  };
}

const MAX_NAME_LENGTH = 200;

/**
 * The name as it is kept: without the folders some browsers send along, without control characters,
 * at most 200 characters with the extension kept; "document.pdf" (by content) when nothing is left.
 */
export function cleanFileName(raw: string | undefined, type: AcceptedType): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  let name = base
    .split("")
    .filter((c) => !isControl(c))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  if (name === "" || name === "." || name === "..") return `document.${type.extensions[0]}`;
  if (name.length > MAX_NAME_LENGTH) {
    const extension = extensionOf(name);
    const tail = extension ? `.${extension}` : "";
    name = name.slice(0, MAX_NAME_LENGTH - tail.length).trimEnd() + tail;
  }
  return name;
}

/** Content-Disposition for a download: an ASCII fallback and the exact UTF-8 name (RFC 6266, RFC 8187). */
export function contentDisposition(name: string): string {
  const fallback = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
