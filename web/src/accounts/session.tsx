import { createContext, useCallback, useContext, useMemo, useState, type ReactElement, type ReactNode } from 'react'
import { api } from '../platform/api'
import { rememberLanguage, showLanguage, type Language } from '../platform/i18n'
import type { User } from './types'

export type Session = {
  user: User | null
  signIn: (email: string, password: string) => Promise<User>
  signUp: (input: { email: string; password: string; fullName: string; locale: Language }) => Promise<User>
  signOut: () => Promise<void>
  /** Replaces the signed-in user after a change made elsewhere (profile, roles, a new organisation). */
  setUser: (user: User | null) => void
  refresh: () => Promise<void>
  changeLanguage: (language: Language) => Promise<void>
}

const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')
  return session
}

/** On sign-in the server sets the language cookie to the account's locale: the interface follows it. */
async function adoptLocale(user: User): Promise<void> {
  rememberLanguage(user.locale)
  await showLanguage(user.locale)
}

export function SessionProvider({ initialUser, children }: { initialUser: User | null; children: ReactNode }): ReactElement {
  const [user, setUser] = useState<User | null>(initialUser)

  const signIn = useCallback(async (email: string, password: string): Promise<User> => {
    const { user: signedIn } = await api.post<{ user: User }>('/api/auth/signin', { email, password })
    await adoptLocale(signedIn)
    setUser(signedIn)
    return signedIn
  }, [])

  const signUp = useCallback(async (input: { email: string; password: string; fullName: string; locale: Language }) => {
    const { user: created } = await api.post<{ user: User }>('/api/auth/signup', input)
    await adoptLocale(created)
    setUser(created)
    return created
  }, [])

  const signOut = useCallback(async (): Promise<void> => {
    await api.post('/api/auth/signout')
    setUser(null)
  }, [])

  const refresh = useCallback(async (): Promise<void> => {
    const { user: current } = await api.get<{ user: User | null }>('/api/auth/me')
    setUser(current)
  }, [])

  const changeLanguage = useCallback(
    async (language: Language): Promise<void> => {
      rememberLanguage(language)
      await showLanguage(language)
      if (user && user.locale !== language) {
        const { user: updated } = await api.patch<{ user: User }>('/api/auth/me', { locale: language })
        setUser(updated)
      }
    },
    [user],
  )

  const session = useMemo(
    () => ({ user, signIn, signUp, signOut, setUser, refresh, changeLanguage }),
    [user, signIn, signUp, signOut, refresh, changeLanguage],
  )
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}
