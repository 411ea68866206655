import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

const reloadedKey = 'clock.reloadedForChunk'

/**
 * A route whose code is loaded on first visit. A page opened before a new release asks for chunks that release
 * replaced: the first failure reloads the page once, so the browser fetches the new entry script and its chunks.
 */
export function lazyRoute(load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    try {
      const component = await load()
      sessionStorage.removeItem(reloadedKey)
      return { default: component }
    } catch (error) {
      if (sessionStorage.getItem(reloadedKey) !== null) throw error
      sessionStorage.setItem(reloadedKey, '1')
      window.location.reload()
      // Nothing renders while the page reloads.
      return new Promise<never>(() => {})
    }
  })
}
