import type { ReactElement } from 'react'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../platform/feedback'
import { CallEditorPage } from './call-editor-page'
import { CallPage } from './call-page'
import { CallsListPage } from './calls-list-page'
import { ProposalNewPage } from './proposal-new-page'
import { ProposalPage } from './proposal-page'
import { ScreeningPage } from './screening-page'

/** The pages under /calls; this domain keeps its own routes. */
export function CallsSection(): ReactElement {
  return (
    <Routes>
      <Route index element={<CallsListPage />} />
      <Route path="new" element={<CallEditorPage />} />
      <Route path="proposals/:id" element={<ProposalPage />} />
      <Route path=":id" element={<CallPage />} />
      <Route path=":id/edit" element={<CallEditorPage />} />
      <Route path=":id/screening" element={<ScreeningPage />} />
      <Route path=":id/proposals/new" element={<ProposalNewPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
