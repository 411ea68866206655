import { describe, expect, it } from 'vitest'
import { createThrottle } from './throttle.js'

describe('the sign-in throttle', () => {
  it('blocks a key after the limit of failures within the window, and frees it after', () => {
    const throttle = createThrottle({ limit: 3, windowMs: 1000 })
    for (let at = 0; at < 3; at++) {
      expect(throttle.isBlocked('a', at)).toBe(false)
      throttle.recordFailure('a', at)
    }
    expect(throttle.isBlocked('a', 10)).toBe(true)
    expect(throttle.isBlocked('b', 10)).toBe(false)
    expect(throttle.isBlocked('a', 1001)).toBe(false)
  })

  it('forgets a key on success', () => {
    const throttle = createThrottle({ limit: 1, windowMs: 1000 })
    throttle.recordFailure('a', 0)
    throttle.reset('a')
    expect(throttle.isBlocked('a', 1)).toBe(false)
  })

  it('keeps memory bounded', () => {
    const throttle = createThrottle({ limit: 1, windowMs: 1000, maxKeys: 2 })
    throttle.recordFailure('a', 0)
    throttle.recordFailure('b', 0)
    throttle.recordFailure('c', 0)
    expect(throttle.isBlocked('a', 1)).toBe(false)
    expect(throttle.isBlocked('c', 1)).toBe(true)
  })
})
