import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { tablePlace } from './brokerage-format'
import type { TableRef } from './types'

/** "Table 3" or "Video room 1". */
export function TablePlace({ table }: { table: TableRef }): ReactElement {
  const { t } = useTranslation()
  const place = tablePlace(table)
  return <span data-testid="meeting-place">{place.kind === 'table' ? t('events.brokerage.table', { number: place.number }) : t('events.brokerage.virtualRoom', { number: place.number })}</span>
}

export function useTableText(): (table: TableRef) => string {
  const { t } = useTranslation()
  return (table) => {
    const place = tablePlace(table)
    return place.kind === 'table' ? t('events.brokerage.table', { number: place.number }) : t('events.brokerage.virtualRoom', { number: place.number })
  }
}
