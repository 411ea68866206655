import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, ApiError } from './api'

export type ApiState<T> = {
  data: T | undefined
  error: ApiError | undefined
  loading: boolean
  reload: () => void
}

/** A loaded resource that can also be replaced by the server's answer to a change. */
export type EditableApiState<T> = ApiState<T> & { replace: (data: T) => void }

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError(0, 'client', error instanceof Error ? error.message : String(error))
}

/**
 * Loads `path` (null: nothing to load) and loads it again when the language changes, because the server
 * translates some texts. The previous data stays visible while the next page loads.
 */
export function useApi<T>(path: string | null): EditableApiState<T> {
  const { i18n } = useTranslation()
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const [loading, setLoading] = useState(path !== null)
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((value) => value + 1), [])

  useEffect(() => {
    if (path === null) {
      setLoading(false)
      return
    }
    let current = true
    setLoading(true)
    api.get<T>(path).then(
      (result) => {
        if (!current) return
        setData(result)
        setError(undefined)
        setLoading(false)
      },
      (failure: unknown) => {
        if (!current) return
        setError(asApiError(failure))
        setLoading(false)
      },
    )
    return () => {
      current = false
    }
  }, [path, generation, i18n.language])

  return { data, error, loading, reload, replace: setData }
}

const referenceCache = new Map<string, Promise<unknown>>()

/** Reference data (taxonomy, geography, clusters) is bilingual and rarely changes: it is fetched once per page load. */
export function useReference<T>(path: string): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => {
    referenceCache.delete(path)
    setGeneration((value) => value + 1)
  }, [path])

  useEffect(() => {
    let current = true
    let pending = referenceCache.get(path) as Promise<T> | undefined
    if (!pending) {
      pending = api.get<T>(path)
      referenceCache.set(path, pending)
      pending.catch(() => referenceCache.delete(path))
    }
    pending.then(
      (result) => {
        if (current) setData(result)
      },
      (failure: unknown) => {
        if (current) setError(asApiError(failure))
      },
    )
    return () => {
      current = false
    }
  }, [path, generation])

  return { data, error, loading: data === undefined && error === undefined, reload }
}

export function forgetReference(path: string): void {
  referenceCache.delete(path)
}
