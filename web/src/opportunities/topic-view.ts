import type { Language } from '../platform/i18n'
import { formatEuros } from '../platform/format'
import type { TopicSummary } from './types'

/** The link that starts the consortium builder with the topic as the project idea. */
export function consortiumLink(topic: Pick<TopicSummary, 'id' | 'title'>): string {
  return `/marketplace/consortium?${new URLSearchParams({ topic: topic.id, idea: topic.title }).toString()}`
}

/** The budget per grant as the portal gives it: one amount, a range, or nothing known. */
export function budgetText(language: Language, topic: Pick<TopicSummary, 'budgetMinCents' | 'budgetMaxCents'>): string | null {
  const { budgetMinCents: min, budgetMaxCents: max } = topic
  if (min === null && max === null) return null
  if (min === null || max === null || min === max) return formatEuros(language, (max ?? min) as number)
  return `${formatEuros(language, min)} – ${formatEuros(language, max)}`
}

/** Whole days from `today` to a deadline (both YYYY-MM-DD): 0 on the day itself, negative once passed. */
export function daysUntil(today: string, deadline: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
}

