import { Suspense, useEffect, useRef, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { useSession } from '../accounts/session'
import { Loading } from './feedback'
import { languages, type Language } from './i18n'
import { useLanguage } from './use-language'
import { NotificationsLink } from '../notifications/notifications'

export function Layout(): ReactElement {
  const { t } = useTranslation()
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <Header />
      <main id="main" className="container" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer />
    </>
  )
}

function Header(): ReactElement {
  const { t } = useTranslation()
  return (
    <header className="site-header">
      <div className="slim-header">
        <div className="container slim-header__inner">
          <span className="slim-header__owner">{t('layout.owner')}</span>
          <div className="slim-header__tools">
            <LanguageSwitch />
            <NotificationsLink />
            <AccountMenu />
          </div>
        </div>
      </div>
      <div className="center-header">
        <div className="container center-header__inner">
          <Link to="/" className="brand" data-testid="brand">
            <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="2.5" />
              <path d="M16 8v8.5l5.5 3.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
            </svg>
            <span className="brand__text">
              <span className="brand__name">CLOCK</span>
              <span className="brand__tagline">{t('layout.tagline')}</span>
            </span>
          </Link>
        </div>
      </div>
      <nav className="main-nav" aria-label={t('layout.mainNavigation')}>
        <div className="container">
          <ul className="main-nav__list">
            <li>
              <NavLink to="/clusters" data-testid="nav-clusters">
                {t('nav.clusters')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/directory" data-testid="nav-directory">
                {t('nav.directory')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/marketplace" data-testid="nav-marketplace">
                {t('nav.marketplace')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/events" data-testid="nav-events">
                {t('nav.events')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/calls" data-testid="nav-calls">
                {t('nav.calls')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/opportunities" data-testid="nav-opportunities">
                {t('opportunities.nav')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/taxonomy" data-testid="nav-taxonomy">
                {t('nav.taxonomy')}
              </NavLink>
            </li>
          </ul>
        </div>
      </nav>
    </header>
  )
}

function LanguageSwitch(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { changeLanguage } = useSession()
  const choose = (next: Language): void => {
    void changeLanguage(next).catch(() => undefined)
  }
  return (
    <div className="language-switch" role="group" aria-label={t('layout.language')} data-testid="language-switch">
      {languages.map((option, index) => (
        <span key={option}>
          {index > 0 && (
            <span className="language-switch__separator" aria-hidden="true">
              |
            </span>
          )}
          <button
            type="button"
            lang={option}
            aria-pressed={language === option}
            aria-label={t(`layout.languageName.${option}`)}
            data-testid={`lang-${option}`}
            onClick={() => choose(option)}
          >
            {option.toUpperCase()}
          </button>
        </span>
      ))}
    </div>
  )
}

function AccountMenu(): ReactElement {
  const { t } = useTranslation()
  const { user, signOut } = useSession()
  const navigate = useNavigate()
  const location = useLocation()
  const [open, setOpen] = useState(false)
  const container = useRef<HTMLDivElement>(null)

  useEffect(() => {
    setOpen(false)
  }, [location.pathname])
  useEffect(() => {
    if (!open) return
    const closeOnOutside = (event: MouseEvent): void => {
      if (!container.current?.contains(event.target as Node)) setOpen(false)
    }
    const closeOnEscape = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setOpen(false)
    }
    document.addEventListener('mousedown', closeOnOutside)
    document.addEventListener('keydown', closeOnEscape)
    return () => {
      document.removeEventListener('mousedown', closeOnOutside)
      document.removeEventListener('keydown', closeOnEscape)
    }
  }, [open])

  if (!user) {
    return (
      <Link className="slim-header__signin" to="/signin" state={{ from: location.pathname + location.search }} data-testid="signin-link">
        {t('nav.signIn')}
      </Link>
    )
  }
  const isAdmin = user.roles.includes('platform_admin') || user.roles.includes('ma_officer')
  const onSignOut = async (): Promise<void> => {
    setOpen(false)
    await signOut()
    navigate('/')
  }
  return (
    <div className="account-menu" ref={container}>
      <button
        type="button"
        className="account-menu__toggle"
        aria-expanded={open}
        aria-controls="account-menu-list"
        data-testid="account-menu"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="account-menu__avatar" aria-hidden="true">
          {initials(user.fullName)}
        </span>
        <span className="account-menu__name" data-testid="account-name">
          {user.fullName}
        </span>
      </button>
      {open && (
        <ul className="account-menu__list" id="account-menu-list">
          <li>
            <Link to="/account">{t('nav.account')}</Link>
          </li>
          {user.organisations.map((organisation) => (
            <li key={organisation.id}>
              <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
            </li>
          ))}
          <li>
            <Link to="/organisations/new">{t('nav.newOrganisation')}</Link>
          </li>
          {user.roles.includes('evaluator') && (
            <li>
              <Link to="/calls/evaluations" data-testid="my-evaluations-menu">
                {t('calls.evaluation.mine.link')}
              </Link>
            </li>
          )}
          {isAdmin && (
            <li>
              <Link to="/admin/users" data-testid="admin-link">
                {t('nav.admin')}
              </Link>
            </li>
          )}
          <li>
            <button type="button" data-testid="signout" onClick={() => void onSignOut()}>
              {t('nav.signOut')}
            </button>
          </li>
        </ul>
      )}
    </div>
  )
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('')
}

function Footer(): ReactElement {
  const { t } = useTranslation()
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <div>
          <p className="site-footer__title">{t('footer.title')}</p>
          <p>{t('footer.about')}</p>
        </div>
        <div>
          <p className="site-footer__heading">{t('footer.credits')}</p>
          <p data-testid="data-credits">{t('footer.cordis')}</p>
          <p>{t('footer.sources')}</p>
        </div>
        <div>
          <p className="site-footer__heading">{t('footer.explore')}</p>
          <ul>
            <li>
              <Link to="/clusters">{t('nav.clusters')}</Link>
            </li>
            <li>
              <Link to="/directory">{t('nav.directory')}</Link>
            </li>
            <li>
              <Link to="/taxonomy">{t('nav.taxonomy')}</Link>
            </li>
            <li>
              <a href="/api/docs">{t('footer.apiDocs')}</a>
            </li>
          </ul>
        </div>
      </div>
      <div className="container site-footer__legal">
        <p>{t('footer.licence')}</p>
      </div>
    </footer>
  )
}
