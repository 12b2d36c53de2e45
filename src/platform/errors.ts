// Errors as values with a stable code. The HTTP layer maps each code to a status once, here, and
// answers RFC 9457 problem+json; the table is exhaustive, so a new code does not compile unmapped.

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  NOT_AUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  DUPLICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNSUPPORTED_FILE_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES = {
  VALIDATION_FAILED: "The request is not valid",
  MALFORMED_REQUEST: "The request could not be read",
  NOT_AUTHENTICATED: "Log in first",
  INVALID_CREDENTIALS: "E-mail address or password is incorrect",
  FORBIDDEN: "Your role may not do this",
  NOT_FOUND: "Not found",
  METHOD_NOT_ALLOWED: "Method not allowed",
  CONFLICT: "This conflicts with the current state",
  DUPLICATE: "This already exists",
  PAYLOAD_TOO_LARGE: "The request is too large",
  UNSUPPORTED_MEDIA_TYPE: "Send JSON (application/json)",
  UNSUPPORTED_FILE_TYPE: "This kind of file is not accepted",
  ACCOUNT_LOCKED: "The account is locked for a while after repeated failed logins",
  RATE_LIMITED: "Too many requests; try again later",
  INTERNAL: "Something went wrong on our side",
  SERVICE_UNAVAILABLE: "The service is not available",
} as const satisfies Record<ErrorCode, string>;

export interface FieldError {
  /** Where in the request: "body.name", "params.tenderId", "query.limit". */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  /** The domain rule that refused the request, e.g. "one_bid_per_segment" (stable, for the UI to translate). */
  readonly rule: string | undefined;
  /** Further members of the problem body, e.g. the deadline that refused the request (RFC 9457 extensions). */
  readonly fields: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    extra?: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      rule?: string;
      fields?: Record<string, unknown>;
    },
  ) {
    super(detail ?? TITLES[code]);
    this.name = "AppError";
    this.code = code;
    this.detail = detail;
    this.errors = extra?.errors;
    this.headers = extra?.headers;
    this.rule = extra?.rule;
    this.fields = extra?.fields;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} does not exist`);

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  rule?: string;
}

export function problemOf(error: AppError, instance?: string): Problem {
  return {
    ...error.fields,
    type: `https://zorginkoop.nl/problems/${error.code.toLowerCase().replaceAll("_", "-")}`,
    title: TITLES[error.code],
    status: ERROR_STATUS[error.code],
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(instance ? { instance } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.rule ? { rule: error.rule } : {}),
  };
}

/** Maps a PostgreSQL constraint violation to a 4xx: bad input must never become a 500. */
export function fromDatabaseError(error: unknown): AppError | undefined {
  const pgError = error as { code?: string; constraint?: string; detail?: string };
  switch (pgError.code) {
    case "23505":
      return new AppError(
        "DUPLICATE",
        `a record with the same ${constraintSubject(pgError.constraint)} already exists`,
      );
    case "23503":
      return new AppError("CONFLICT", "it is still referred to, or refers to something that does not exist");
    case "23514":
    case "22007":
    case "22008":
    case "22P02":
    case "22003":
      return new AppError("VALIDATION_FAILED", `a value is out of range (${pgError.constraint ?? "check"})`);
    default:
      return undefined;
  }
}

function constraintSubject(constraint: string | undefined): string {
  if (!constraint) return "key";
  const match = /_(\w+?)_key$/.exec(constraint);
  return match?.[1]?.replaceAll("_", " ") ?? constraint;
}
