/**
 * Counts failures per key in a sliding window; used to slow down password guessing. Kept in memory:
 * one server process is the deployment CLOCK ships; several would share the counts in the database.
 */
export type Throttle = {
  isBlocked: (key: string, now?: number) => boolean
  recordFailure: (key: string, now?: number) => void
  reset: (key: string) => void
}

export function createThrottle(options: { limit: number; windowMs: number; maxKeys?: number }): Throttle {
  const failures = new Map<string, number[]>()
  const maxKeys = options.maxKeys ?? 10_000
  const recent = (key: string, now: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((at) => now - at < options.windowMs)
    if (kept.length === 0) failures.delete(key)
    else failures.set(key, kept)
    return kept
  }
  return {
    isBlocked: (key, now = Date.now()) => recent(key, now).length >= options.limit,
    recordFailure: (key, now = Date.now()) => {
      if (!failures.has(key) && failures.size >= maxKeys) {
        const oldest = failures.keys().next().value
        if (oldest !== undefined) failures.delete(oldest)
      }
      failures.set(key, [...recent(key, now), now])
    },
    reset: (key) => {
      failures.delete(key)
    },
  }
}
