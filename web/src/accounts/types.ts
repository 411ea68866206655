import type { Language } from '../platform/i18n'

export const platformRoles = ['platform_admin', 'ma_officer', 'evaluator'] as const
export type PlatformRole = (typeof platformRoles)[number]

export type User = {
  id: string
  email: string
  fullName: string
  locale: Language
  roles: PlatformRole[]
  organisations: { id: string; name: string; role: 'member' | 'admin' }[]
  managedClusters: { id: string; slug: string; nameIt: string; nameEn: string }[]
}

export type UserListItem = {
  id: string
  email: string
  fullName: string
  roles: PlatformRole[]
  managedClusters?: { id: string; slug: string; nameIt: string; nameEn: string }[]
}
