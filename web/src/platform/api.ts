import { i18n } from './i18n'

// A small typed client for CLOCK's JSON API. The session travels in a cookie, so every call is same-origin.

export type ApiErrorBody = { error: { code: string; message: string; field?: string } }

export class ApiError extends Error {
  readonly code: string
  readonly status: number
  readonly field: string | undefined

  constructor(status: number, code: string, message: string, field?: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export type Query = Record<string, string | number | boolean | null | undefined>

/** Builds `path?key=value` from the defined, non-empty values of `query`. */
export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  const init: RequestInit = { method, credentials: 'same-origin', headers }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  let response: Response
  try {
    response = await fetch(path, init)
  } catch {
    throw new ApiError(0, 'network', networkMessage())
  }
  const payload = await readJson(response)
  if (!response.ok) {
    if (isErrorBody(payload)) {
      const { code, message, field } = payload.error
      throw new ApiError(response.status, code, message, field)
    }
    throw new ApiError(response.status, 'http_error', i18n.t('error.http', { status: response.status }))
  }
  return payload as T
}

const networkMessage = (): string => i18n.t('error.network')

export const api = {
  get: <T>(path: string): Promise<T> => request<T>('GET', path),
  post: <T>(path: string, body?: unknown): Promise<T> => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown): Promise<T> => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown): Promise<T> => request<T>('PUT', path, body),
  del: <T = void>(path: string): Promise<T> => request<T>('DELETE', path),
}
