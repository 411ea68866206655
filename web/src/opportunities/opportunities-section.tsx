import type { ReactElement } from 'react'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../platform/feedback'
import { OpportunitiesPage } from './opportunities-page'
import './opportunities.css'

export function OpportunitiesSection(): ReactElement {
  return (
    <Routes>
      <Route index element={<OpportunitiesPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
