import { useEffect, type ReactElement, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ApiError } from './api'

export function Loading(): ReactElement {
  const { t } = useTranslation()
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  )
}

export function ErrorMessage({ error, testId = 'error' }: { error: ApiError; testId?: string }): ReactElement {
  const { t } = useTranslation()
  return (
    <div className="alert alert--error" role="alert" data-testid={testId} data-code={error.code}>
      <p className="alert__title">{error.status === 404 ? t('common.notFoundTitle') : t('common.errorTitle')}</p>
      <p>{error.message}</p>
    </div>
  )
}

export function Notice({ children, tone = 'info', testId }: { children: ReactNode; tone?: 'info' | 'success' | 'warning'; testId?: string }): ReactElement {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'success' ? 'status' : undefined} data-testid={testId}>
      {children}
    </div>
  )
}

export function NotFoundPage(): ReactElement {
  const { t } = useTranslation()
  useDocumentTitle(t('common.notFoundTitle'))
  return (
    <section className="page" data-testid="not-found">
      <h1>{t('common.notFoundTitle')}</h1>
      <p>{t('common.notFoundText')}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </section>
  )
}

export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · CLOCK` : 'CLOCK — Cluster Of Clusters for Knowledge'
  }, [title])
}
