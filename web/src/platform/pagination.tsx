import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from './format'
import { useLanguage } from './use-language'

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize))
}

export function Pagination(props: {
  page: number
  total: number
  pageSize: number
  onPage: (page: number) => void
  testId?: string
}): ReactElement | null {
  const { t } = useTranslation()
  const language = useLanguage()
  const pages = pageCount(props.total, props.pageSize)
  if (pages <= 1) return null
  const { page, onPage } = props
  return (
    <nav className="pagination" aria-label={t('pagination.label')} data-testid={props.testId ?? 'pagination'}>
      <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pagination.previous')}
      </button>
      <span className="pagination__status" aria-live="polite">
        {t('pagination.status', { page: formatNumber(language, page), pages: formatNumber(language, pages) })}
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={page >= pages}
        data-testid="next-page"
        onClick={() => onPage(page + 1)}
      >
        {t('pagination.next')}
      </button>
    </nav>
  )
}
