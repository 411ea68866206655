import { describe, expect, it } from 'vitest'
import { i18n, initI18n, languageFromBrowser, languageFromCookie, pickLanguage } from './i18n'

describe('language choice', () => {
  const none = { cookie: undefined, stored: undefined, userLocale: undefined, browser: undefined }

  it('prefers the cookie, then this browser, then the account, then the browser language, then Italian', () => {
    expect(pickLanguage({ cookie: 'en', stored: 'it', userLocale: 'it', browser: 'it' })).toBe('en')
    expect(pickLanguage({ ...none, stored: 'en', userLocale: 'it' })).toBe('en')
    expect(pickLanguage({ ...none, userLocale: 'en', browser: 'it' })).toBe('en')
    expect(pickLanguage({ ...none, browser: 'en' })).toBe('en')
    expect(pickLanguage(none)).toBe('it')
  })

  it('reads the cookie and the browser preferences', () => {
    expect(languageFromCookie('clock_session=abc; clock_lang=en; other=1')).toBe('en')
    expect(languageFromCookie('clock_lang=fr')).toBeUndefined()
    expect(languageFromBrowser(['de-DE', 'en-GB', 'it'])).toBe('en')
    expect(languageFromBrowser(['fr'])).toBeUndefined()
  })
})

describe('plurals', () => {
  it('fall back to the base key for plural forms a catalogue does not list (Italian "many")', async () => {
    globalThis.document ??= { documentElement: { lang: '' } } as unknown as Document
    await initI18n('it')
    expect(i18n.t('directory.total', { count: 1, formatted: '1' })).toBe('1 organizzazione trovata')
    expect(i18n.t('directory.total', { count: 1_000_000, formatted: '1.000.000' })).toBe('1.000.000 organizzazioni trovate')
    await i18n.changeLanguage('en')
    expect(i18n.t('directory.total', { count: 3, formatted: '3' })).toBe('3 organisations found')
  })
})
