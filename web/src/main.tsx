import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { SessionProvider } from './accounts/session'
import type { User } from './accounts/types'
import { api } from './platform/api'
import { initI18n, languageSources, pickLanguage, rememberLanguage } from './platform/i18n'
import './styles.css'

async function currentUser(): Promise<User | null> {
  try {
    const { user } = await api.get<{ user: User | null }>('/api/auth/me')
    return user
  } catch {
    return null
  }
}

async function start(): Promise<void> {
  const user = await currentUser()
  const sources = languageSources(user?.locale)
  const language = pickLanguage(sources)
  // The server translates its messages by the cookie, else by Accept-Language: a language that did not come
  // from the browser must be written to the cookie so that both sides speak the same one.
  if (sources.cookie === undefined && (sources.stored !== undefined || sources.userLocale !== undefined)) {
    rememberLanguage(language)
  }
  await initI18n(language)
  const root = document.getElementById('root')
  if (!root) throw new Error('#root is missing from index.html')
  createRoot(root).render(
    <StrictMode>
      <SessionProvider initialUser={user}>
        <App />
      </SessionProvider>
    </StrictMode>,
  )
}

void start()
