import type { ReactElement } from 'react'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../platform/feedback'

/** The pages under /marketplace; this domain keeps its own routes. */
export function MarketplaceSection(): ReactElement {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
