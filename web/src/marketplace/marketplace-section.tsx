import type { ReactElement } from 'react'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../platform/feedback'
import { ConsortiumPage } from './consortium-page'
import { FunnelPage } from './funnel-page'
import { InboxPage } from './inbox-page'
import { InterestPage } from './interest-page'
import { MarketplacePage } from './marketplace-page'
import { ProfileEditPage, ProfileNewPage } from './profile-form-page'
import { ProfilePage } from './profile-page'
import { ReviewPage } from './review-page'
import './marketplace.css'

/** The pages under /marketplace; this domain keeps its own routes. */
export function MarketplaceSection(): ReactElement {
  return (
    <Routes>
      <Route index element={<MarketplacePage />} />
      <Route path="profiles/new" element={<ProfileNewPage />} />
      <Route path="profiles/:id" element={<ProfilePage />} />
      <Route path="profiles/:id/edit" element={<ProfileEditPage />} />
      <Route path="review" element={<ReviewPage />} />
      <Route path="inbox" element={<InboxPage />} />
      <Route path="inbox/:id" element={<InterestPage />} />
      <Route path="funnel" element={<FunnelPage />} />
      <Route path="consortium" element={<ConsortiumPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
