import { useEffect, type ReactElement } from 'react'
import { BrowserRouter, Route, Routes, useLocation } from 'react-router'
import { AccountPage } from './accounts/account-page'
import { AdminUsersPage } from './accounts/admin-users-page'
import { ForgotPasswordPage } from './accounts/forgot-password-page'
import { ResetPasswordPage } from './accounts/reset-password-page'
import { SignInPage } from './accounts/sign-in-page'
import { SignUpPage } from './accounts/sign-up-page'
import { ClusterPage } from './districts/cluster-page'
import { ClustersPage } from './districts/clusters-page'
import { HomePage } from './districts/home-page'
import { DirectoryPage } from './organisations/directory-page'
import { OrganisationEditPage, OrganisationNewPage } from './organisations/organisation-form-page'
import { OrganisationPage } from './organisations/organisation-page'
import { NotFoundPage } from './platform/feedback'
import { Layout } from './platform/layout'
import { lazyRoute } from './platform/lazy-route'
import { TaxonomyPage } from './taxonomy/taxonomy-page'
import { NotificationsPage } from './notifications/notifications'

// The four sections are loaded when first visited, each as its own chunk: the home page and the directory do not
// wait for the marketplace, calls, events and opportunities code.
const CallsSection = lazyRoute(async () => (await import('./calls/calls-section')).CallsSection)
const EventsSection = lazyRoute(async () => (await import('./events/events-section')).EventsSection)
const MarketplaceSection = lazyRoute(async () => (await import('./marketplace/marketplace-section')).MarketplaceSection)
const OpportunitiesSection = lazyRoute(async () => (await import('./opportunities/opportunities-section')).OpportunitiesSection)

function ScrollToTop(): null {
  const { pathname } = useLocation()
  useEffect(() => {
    window.scrollTo(0, 0)
  }, [pathname])
  return null
}

export function App(): ReactElement {
  return (
    <BrowserRouter>
      <ScrollToTop />
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="clusters" element={<ClustersPage />} />
          <Route path="clusters/:slug" element={<ClusterPage />} />
          <Route path="directory" element={<DirectoryPage />} />
          <Route path="organisations/new" element={<OrganisationNewPage />} />
          <Route path="organisations/:id" element={<OrganisationPage />} />
          <Route path="organisations/:id/edit" element={<OrganisationEditPage />} />
          <Route path="taxonomy" element={<TaxonomyPage />} />
          <Route path="signin" element={<SignInPage />} />
          <Route path="signup" element={<SignUpPage />} />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          <Route path="reset-password" element={<ResetPasswordPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="admin/users" element={<AdminUsersPage />} />
          <Route path="marketplace/*" element={<MarketplaceSection />} />
          <Route path="calls/*" element={<CallsSection />} />
          <Route path="events/*" element={<EventsSection />} />
          <Route path="opportunities/*" element={<OpportunitiesSection />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  )
}
