export type ErrorCode =
  | 'validation_failed'
  | 'malformed_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_credentials'
  | 'email_taken'
  | 'vat_taken'
  | 'token_invalid'
  | 'rate_limited'
  | 'internal'

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_credentials: 401,
  email_taken: 409,
  vat_taken: 409,
  token_invalid: 400,
  rate_limited: 429,
  internal: 500,
}

/**
 * The one error type of CLOCK. `messageKey` is translated to the user's language by the HTTP layer;
 * `field` names the offending input (a dotted path) when there is one.
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly messageKey: string
  readonly params: Record<string, string | number>
  readonly field?: string

  constructor(
    code: ErrorCode,
    options: { messageKey?: string; params?: Record<string, string | number>; field?: string } = {},
  ) {
    super(code)
    this.name = 'AppError'
    this.code = code
    this.status = statusByCode[code]
    this.messageKey = options.messageKey ?? `error.${code}`
    this.params = options.params ?? {}
    if (options.field !== undefined) this.field = options.field
  }
}

export const notFound = (entity: string): AppError =>
  new AppError('not_found', { messageKey: 'error.not_found', params: { entity } })

export const forbidden = (): AppError => new AppError('forbidden')

export const unauthenticated = (): AppError => new AppError('unauthenticated')

export const invalidField = (field: string, messageKey: string, params: Record<string, string | number> = {}): AppError =>
  new AppError('validation_failed', { field, messageKey, params })
