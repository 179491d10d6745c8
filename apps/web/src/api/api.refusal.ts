/** A field the api refused, as its problem document names it. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * Why a call did not succeed: the api's problem document (RFC 9457) reduced to what a screen
 * needs to say it in words, or status 0 when no answer came at all (offline, server down). The
 * api's `detail` is English for developers and is kept only for logs; screens translate `code`
 * (see refusal.text.ts).
 */
export class ApiRefusal extends Error {
  constructor(
    /** The HTTP status, or 0 when the request never got an answer. */
    readonly status: number,
    /** The problem's code (`AUTH.SIGN_IN_FAILED`, `HANDOVER.NOT_CONDUCTED`, …), when there was one. */
    readonly code: string | undefined,
    readonly fieldErrors: readonly FieldError[] = [],
    /** From Retry-After on 429 and 503. */
    readonly retryAfterSeconds?: number,
    detail?: string,
  ) {
    super(detail ?? (status === 0 ? 'no answer from the server' : `HTTP ${status}`));
    this.name = 'ApiRefusal';
  }

  static fromAnswer(response: Response, body: unknown): ApiRefusal {
    const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    return new ApiRefusal(
      response.status,
      typeof problem.code === 'string' ? problem.code : undefined,
      Array.isArray(problem.errors) ? problem.errors.filter(isFieldError) : [],
      Number.isFinite(retryAfter) ? retryAfter : undefined,
      typeof problem.detail === 'string' ? problem.detail : undefined,
    );
  }

  static noAnswer(cause: unknown): ApiRefusal {
    const refusal = new ApiRefusal(0, undefined);
    refusal.cause = cause;
    return refusal;
  }
}

function isFieldError(value: unknown): value is FieldError {
  const v = value as Partial<FieldError> | null;
  return typeof v?.field === 'string' && typeof v.message === 'string';
}
