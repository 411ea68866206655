import type { z } from 'zod'
import type * as api from '../../../src/calls/evaluation/evaluation.schema'

// The evaluation API's answers, as its response schemas define them (src/calls/evaluation/evaluation.schema.ts):
// inferred, so that the two cannot drift apart.
export type EvaluatorSummary = z.infer<typeof api.evaluatorSummary>
export type AssignmentRow = z.infer<typeof api.assignmentRow>
export type EvaluationOverview = z.infer<typeof api.evaluationOverview>
export type ScoreRow = z.infer<typeof api.scoreRow>
export type EvaluationDetail = z.infer<typeof api.evaluationDetail>
export type MyEvaluation = z.infer<typeof api.myEvaluation>
export type RankingStatus = z.infer<typeof api.rankedRow>['status']
export type RankingResult = z.infer<typeof api.rankingResult>
export type IndicatorValues = z.infer<typeof api.indicatorValues>
export type Indicators = z.infer<typeof api.indicatorsResult>
