// Receiving one uploaded file: the multipart stream is read chunk by chunk; each chunk goes into the
// SHA-256 and the sealer at once, so the plaintext is never held whole. Only the first megabyte is
// kept a moment longer, to judge the type by content. A check that fails stops the upload with its
// reason, and nothing is stored: the caller stores only what this returns.
import { createHash } from "node:crypto";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../platform/errors.ts";
import type { App } from "../platform/http.ts";
import {
  ACCEPTED_TYPES,
  type AcceptedType,
  acceptedType,
  cleanFileName,
  type DetectedType,
  extensionRefusal,
  type FileRefusal,
  formatMegabytes,
  sizeRefusal,
  typeRefusal,
} from "./check.ts";

/** How much of the start of a file the type is judged on (an office file's parts list can sit a little way in). */
const DETECTION_BYTES = 1024 * 1024;

/** The multipart field that carries the file. */
export const FILE_FIELD = "file";

export interface Sealer {
  update(chunk: Buffer): void;
  final(): Buffer;
}

export interface ReceivedFile {
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** iv ‖ tag ‖ ciphertext of exactly the bytes received. */
  sealed: Buffer;
}

const STATUS_OF: Record<FileRefusal["rule"], "VALIDATION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_FILE_TYPE"> = {
  file_empty: "VALIDATION_FAILED",
  file_too_large: "PAYLOAD_TOO_LARGE",
  file_type_not_allowed: "UNSUPPORTED_FILE_TYPE",
  file_extension_mismatch: "UNSUPPORTED_FILE_TYPE",
};

function refused(refusal: FileRefusal): AppError {
  return new AppError(STATUS_OF[refusal.rule], refusal.message, {
    errors: [{ field: `body.${FILE_FIELD}`, message: refusal.message }],
    rule: refusal.rule,
  });
}

async function detect(head: Buffer): Promise<DetectedType | undefined> {
  try {
    return await fileTypeFromBuffer(head);
  } catch {
    return undefined; // content the sniffer cannot parse is no accepted type either
  }
}

async function judge(head: Buffer, clientName: string, accepted: readonly AcceptedType[]): Promise<AcceptedType> {
  const detected = await detect(head);
  const typeProblem = typeRefusal(detected, head, accepted);
  if (typeProblem) throw refused(typeProblem);
  const type = acceptedType(detected, accepted)!;
  const extensionProblem = extensionRefusal(clientName, type);
  if (extensionProblem) throw refused(extensionProblem);
  return type;
}

/**
 * Reads the one file of a multipart/form-data request (field `file`) into `sealer`. Throws the
 * refusal (413 past `maxBytes`, 415 for a type not accepted or a name that contradicts the content,
 * 400 for an empty file or no file) as soon as it is certain. `accepted` are the kinds this upload
 * takes (a bid's documents unless said otherwise).
 */
export async function receiveFile(
  request: FastifyRequest,
  maxBytes: number,
  sealer: Sealer,
  accepted: readonly AcceptedType[] = ACCEPTED_TYPES,
): Promise<ReceivedFile> {
  if (!request.isMultipart()) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `send the file as multipart/form-data in the field '${FILE_FIELD}'`);
  }
  const noFile = new AppError("VALIDATION_FAILED", `send the file in the field '${FILE_FIELD}'`, {
    errors: [{ field: `body.${FILE_FIELD}`, message: "no file was sent" }],
  });
  const part = await request.file();
  if (!part) throw noFile;
  if (part.fieldname !== FILE_FIELD) {
    part.file.resume();
    throw noFile;
  }

  const hash = createHash("sha256");
  let head: Buffer[] = [];
  let headBytes = 0;
  let sizeBytes = 0;
  let type: AcceptedType | undefined;
  try {
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      sizeBytes += chunk.length;
      const tooLarge = sizeRefusal(sizeBytes, maxBytes);
      if (tooLarge) throw refused(tooLarge);
      hash.update(chunk);
      sealer.update(chunk);
      if (!type) {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes >= DETECTION_BYTES) {
          type = await judge(Buffer.concat(head), part.filename, accepted);
          head = [];
        }
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("MALFORMED_REQUEST", "the upload was cut off or is not valid multipart/form-data");
  }
  const empty = sizeRefusal(sizeBytes, maxBytes);
  if (empty) throw refused(empty);
  type ??= await judge(Buffer.concat(head), part.filename, accepted);
  return {
    name: cleanFileName(part.filename, type),
    mediaType: type.mediaType,
    sizeBytes,
    sha256: hash.digest("hex"),
    sealed: sealer.final(),
  };
}

/**
 * The one file of a multipart/form-data request (field `file`), read whole: for the small files that
 * are read at once rather than sealed (a statements CSV, a Q&A list, a question spreadsheet). Refuses
 * no file (400), more than `maxBytes` as soon as the stream passes it (413), and a broken upload (400).
 * `what` names the file in the messages: "the CSV", "the spreadsheet".
 */
export async function receiveWholeFile(
  request: FastifyRequest,
  maxBytes: number,
  what = "the file",
): Promise<{ name: string; bytes: Buffer }> {
  if (!request.isMultipart()) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `send ${what} as multipart/form-data in the field '${FILE_FIELD}'`);
  }
  const noFile = new AppError("VALIDATION_FAILED", `send ${what} in the field '${FILE_FIELD}'`, {
    errors: [{ field: `body.${FILE_FIELD}`, message: "no file was sent" }],
  });
  const part = await request.file();
  if (!part) throw noFile;
  if (part.fieldname !== FILE_FIELD) {
    part.file.resume();
    throw noFile;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        const message = `larger than ${formatMegabytes(maxBytes)}`;
        throw new AppError("PAYLOAD_TOO_LARGE", `${what} is ${message}`, {
          errors: [{ field: `body.${FILE_FIELD}`, message }],
          rule: "file_too_large",
        });
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("MALFORMED_REQUEST", "the upload was cut off or is not valid multipart/form-data");
  }
  return { name: part.filename, bytes: Buffer.concat(chunks) };
}

/**
 * Registers routes that take multipart/form-data, in a scope of their own: everywhere else the API
 * stays JSON-only (see http.ts). Every module with an upload uses this one scope, so the guards hold
 * for each of them:
 * - A form on another site may post multipart/form-data without asking (no CORS preflight). The
 *   SameSite=Lax cookie already keeps the session out of such a post; Fetch Metadata also refuses a
 *   post from a neighbouring subdomain, which SameSite counts as the same site.
 * - A refused upload leaves the rest of its body unread on the connection; a browser that keeps the
 *   connection alive would then wait forever on its next request. The connection is closed after
 *   every refusal.
 * - One file per request, read up to one byte past `maxBytes` (busboy stops buffering there), so the
 *   route refuses a larger file itself, with its own message: `part.file.truncated` is then set.
 */
export async function uploadScope(
  app: App,
  maxBytes: number,
  routes: (uploads: App) => void | Promise<void>,
): Promise<void> {
  await app.register(async (uploads: App) => {
    uploads.addHook("onRequest", async (request) => {
      const site = request.headers["sec-fetch-site"];
      if (site === "cross-site" || site === "same-site") {
        throw new AppError("FORBIDDEN", "files are accepted only from the application's own pages");
      }
    });
    uploads.addHook("onSend", async (request, reply) => {
      if (reply.statusCode >= 400 && request.headers["content-type"]?.startsWith("multipart/")) {
        reply.header("connection", "close");
      }
    });
    await uploads.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 10_000, parts: 12, headerPairs: 20 },
    });
    await routes(uploads);
  });
}
