import type { ReactElement } from 'react'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../platform/feedback'

/** The pages under /events; this domain keeps its own routes. */
export function EventsSection(): ReactElement {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
