import type { ReactElement } from 'react'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../platform/feedback'
import { AssignmentPage } from './assignment-page'
import { CallEditorPage } from './call-editor-page'
import { CallPage } from './call-page'
import { CallsListPage } from './calls-list-page'
import { EvaluationPage } from './evaluation-page'
import { FundingPage } from './funding/funding-page'
import { MyEvaluationsPage } from './my-evaluations-page'
import { ProposalNewPage } from './proposal-new-page'
import { ProposalPage } from './proposal-page'
import { RankingPage } from './ranking-page'
import { ScreeningPage } from './screening-page'

/** The pages under /calls; this domain keeps its own routes. */
export function CallsSection(): ReactElement {
  return (
    <Routes>
      <Route index element={<CallsListPage />} />
      <Route path="new" element={<CallEditorPage />} />
      <Route path="proposals/:id" element={<ProposalPage />} />
      <Route path="evaluations" element={<MyEvaluationsPage />} />
      <Route path="evaluations/:proposalId" element={<EvaluationPage />} />
      <Route path=":id" element={<CallPage />} />
      <Route path=":id/edit" element={<CallEditorPage />} />
      <Route path=":id/screening" element={<ScreeningPage />} />
      <Route path=":id/evaluation" element={<AssignmentPage />} />
      <Route path=":id/ranking" element={<RankingPage />} />
      <Route path=":id/funding" element={<FundingPage />} />
      <Route path=":id/proposals/new" element={<ProposalNewPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
