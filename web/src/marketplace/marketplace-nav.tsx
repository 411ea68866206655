import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { useSession } from '../accounts/session'

/** The marketplace's own links: what a signed-in user, a district manager or the Region can open here. */
export function MarketplaceNav(): ReactElement {
  const { t } = useTranslation()
  const { user } = useSession()
  const reviewer = user !== null && (user.managedClusters.length > 0 || user.roles.includes('platform_admin'))
  const analyst = reviewer || (user?.roles.includes('ma_officer') ?? false)
  return (
    <nav className="page-kicker marketplace-nav" aria-label={t('marketplace.nav.label')} data-testid="marketplace-nav">
      <NavLink to="/marketplace" end>
        {t('marketplace.nav.search')}
      </NavLink>
      {user && (
        <>
          {' · '}
          <NavLink to="/marketplace/profiles/new" data-testid="nav-new-profile">
            {t('marketplace.nav.newProfile')}
          </NavLink>
          {' · '}
          <NavLink to="/marketplace/inbox" data-testid="nav-inbox">
            {t('marketplace.nav.inbox')}
          </NavLink>
          {' · '}
          <NavLink to="/marketplace/consortium" data-testid="nav-consortium">
            {t('marketplace.nav.consortium')}
          </NavLink>
        </>
      )}
      {reviewer && (
        <>
          {' · '}
          <NavLink to="/marketplace/review" data-testid="nav-review">
            {t('marketplace.nav.review')}
          </NavLink>
        </>
      )}
      {analyst && (
        <>
          {' · '}
          <NavLink to="/marketplace/funnel" data-testid="nav-funnel">
            {t('marketplace.nav.funnel')}
          </NavLink>
        </>
      )}
    </nav>
  )
}
