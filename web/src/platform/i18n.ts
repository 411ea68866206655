import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { english, italian } from '../i18n/catalogues'

export const languages = ['it', 'en'] as const
export type Language = (typeof languages)[number]

export const languageCookie = 'clock_lang'
const storageKey = 'clock_lang'
const oneYearInSeconds = 365 * 24 * 3600

export const i18n = i18next.createInstance()

export function isLanguage(value: unknown): value is Language {
  return value === 'it' || value === 'en'
}

export function languageFromCookie(cookieHeader: string): Language | undefined {
  for (const part of cookieHeader.split(';')) {
    const [name, value] = part.trim().split('=')
    if (name === languageCookie && isLanguage(value)) return value
  }
  return undefined
}

export function languageFromBrowser(preferred: readonly string[]): Language | undefined {
  for (const tag of preferred) {
    const primary = tag.slice(0, 2).toLowerCase()
    if (isLanguage(primary)) return primary
  }
  return undefined
}

export type LanguageSources = {
  cookie: Language | undefined
  stored: Language | undefined
  userLocale: Language | undefined
  browser: Language | undefined
}

/** An explicit choice (cookie, then this browser's memory) wins over the account's locale, then the browser's. */
export function pickLanguage(sources: LanguageSources): Language {
  return sources.cookie ?? sources.stored ?? sources.userLocale ?? sources.browser ?? 'it'
}

function storedLanguage(): Language | undefined {
  try {
    const value = window.localStorage.getItem(storageKey)
    return isLanguage(value) ? value : undefined
  } catch {
    return undefined
  }
}

export function languageSources(userLocale: Language | undefined): LanguageSources {
  return {
    cookie: languageFromCookie(document.cookie),
    stored: storedLanguage(),
    userLocale,
    browser: languageFromBrowser(navigator.languages ?? [navigator.language]),
  }
}

/** Remembers the language in this browser and in the cookie the server reads to translate its messages. */
export function rememberLanguage(language: Language): void {
  const secure = window.location.protocol === 'https:' ? '; Secure' : ''
  document.cookie = `${languageCookie}=${language}; path=/; max-age=${oneYearInSeconds}; SameSite=Lax${secure}`
  try {
    window.localStorage.setItem(storageKey, language)
  } catch {
    // Private browsing may refuse storage: the cookie still remembers the choice.
  }
}

export async function showLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language
  if (i18n.language !== language) await i18n.changeLanguage(language)
}

export async function initI18n(language: Language): Promise<void> {
  document.documentElement.lang = language
  await i18n.use(initReactI18next).init({
    resources: { it: { translation: italian }, en: { translation: english } },
    lng: language,
    fallbackLng: 'it',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  })
}
