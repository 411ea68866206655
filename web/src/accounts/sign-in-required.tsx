import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { Notice } from '../platform/feedback'

/** Shown in place of a page that needs an account, with the way back here after signing in. */
export function SignInRequired({ title, message }: { title: string; message?: string }): ReactElement {
  const { t } = useTranslation()
  const location = useLocation()
  return (
    <div className="page">
      <h1>{title}</h1>
      <Notice tone="warning" testId="signin-required">
        <p>
          {message ?? t('account.signInFirst')}{' '}
          <Link to="/signin" state={{ from: location.pathname + location.search }}>
            {t('nav.signIn')}
          </Link>
        </p>
      </Notice>
    </div>
  )
}
