import { useEffect, useRef, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import { useSession } from '../accounts/session'
import { api } from '../platform/api'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { SignInRequired } from '../accounts/sign-in-required'
import { formatDateTime } from '../platform/format'
import { useApi } from '../platform/use-api'
import { useLanguage } from '../platform/use-language'

type Notification = { id: string; kind: string; text: string; link: string; createdAt: string; read: boolean }
type NotificationList = { items: Notification[]; unread: number }

/** In the header: how many notifications wait unread; looked up again on every page change. */
export function NotificationsLink(): ReactElement | null {
  const { t } = useTranslation()
  const { user } = useSession()
  const location = useLocation()
  const { data, reload } = useApi<NotificationList>(user ? '/api/notifications' : null)
  const firstPage = useRef(true)
  useEffect(() => {
    // The first page's count comes with the first fetch; later pages ask again.
    if (firstPage.current) {
      firstPage.current = false
      return
    }
    if (user) reload()
  }, [location.pathname, user, reload])
  if (!user) return null
  const unread = data?.unread ?? 0
  return (
    <Link className="notifications-link" to="/notifications" data-testid="notifications-link" data-unread={unread}>
      {t('notifications.title')}
      {unread > 0 && (
        <span className="notifications-link__count" aria-label={t('notifications.unread', { count: unread })}>
          {unread}
        </span>
      )}
    </Link>
  )
}

export function NotificationsPage(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const navigate = useNavigate()
  const { user } = useSession()
  useDocumentTitle(t('notifications.title'))
  const { data, error, loading, reload } = useApi<NotificationList>(user ? '/api/notifications' : null)
  if (!user) return <SignInRequired title={t('notifications.title')} />
  const open = async (notification: Notification): Promise<void> => {
    if (!notification.read) await api.post('/api/notifications/read', { id: notification.id })
    navigate(notification.link)
  }
  const readAll = async (): Promise<void> => {
    await api.post('/api/notifications/read', {})
    reload()
  }
  return (
    <div className="page" data-testid="notifications-page">
      <header className="page-header">
        <h1>{t('notifications.title')}</h1>
        {data && data.unread > 0 && (
          <button type="button" className="button button--secondary" onClick={() => void readAll()} data-testid="read-all">
            {t('notifications.readAll')}
          </button>
        )}
      </header>
      {error && <ErrorMessage error={error} />}
      {loading && !data && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('notifications.none')}</p>}
      {data && data.items.length > 0 && (
        <ul className="plain-list" data-testid="notifications">
          {data.items.map((notification) => (
            <li key={notification.id} className="plain-list__item" data-testid="notification" data-read={notification.read}>
              <div>
                <button type="button" className={notification.read ? 'link-button' : 'link-button link-button--strong'} onClick={() => void open(notification)}>
                  {notification.text}
                </button>
                <p className="muted">{formatDateTime(language, notification.createdAt)}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
