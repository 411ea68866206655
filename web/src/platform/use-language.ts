import { useTranslation } from 'react-i18next'
import { isLanguage, type Language } from './i18n'

export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.language) ? i18n.language : 'it'
}

/** Picks the text in the user's language; an English text not yet written falls back to the Italian one. */
export function localized(language: Language, textIt: string, textEn: string): string {
  if (language === 'en' && textEn.trim() !== '') return textEn
  if (language === 'it' && textIt.trim() === '') return textEn
  return textIt
}
