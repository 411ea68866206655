import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import PDFDocument from 'pdfkit'
import { formatEuros, translate, type Locale } from '../../platform/i18n.js'
import { centsToEuroText } from '../rules/money.js'
import type { EvaluationDetail, RankingResult } from './evaluation.schema.js'

// The ranking and scores as files for the officers, and one proposal's outcome as a PDF for its applicants.

const name = (locale: Locale, item: { nameIt: string; nameEn: string }): string => (locale === 'it' ? item.nameIt : item.nameEn)

function rankingRows(ranking: RankingResult, locale: Locale): (string | number)[][] {
  const t = (key: string): string => translate(locale, `evaluation.export.${key}`)
  const header = [t('line'), t('rank'), t('proposal'), t('lead'), t('status'), t('total'), ...ranking.criteria.map((criterion) => name(locale, criterion)), t('grant'), t('smes'), t('researchOrganisations')]
  const rows = ranking.lines.flatMap((line) =>
    line.proposals.map((entry) => [
      line.code,
      entry.rank ?? '',
      entry.title,
      entry.leadName,
      translate(locale, `evaluation.status.${entry.status}`),
      entry.weightedTotal ?? '',
      ...ranking.criteria.map((criterion) => entry.scores[criterion.code] ?? ''),
      centsToEuroText(entry.grantCents),
      entry.smes,
      entry.researchOrganisations,
    ]),
  )
  return [header, ...rows]
}

/** UTF-8 with a byte-order mark, so that spreadsheet programs read the accents right. */
export function rankingCsv(ranking: RankingResult, locale: Locale): string {
  return `\uFEFF${Papa.unparse(rankingRows(ranking, locale), { newline: '\r\n' })}`
}

export async function rankingWorkbook(ranking: RankingResult, locale: Locale, consensus: ReadonlyMap<string, { criterion: string; score: number; comment: string }[]>): Promise<Buffer> {
  const t = (key: string): string => translate(locale, `evaluation.export.${key}`)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'CLOCK'
  const sheet = workbook.addWorksheet(t('ranking'))
  for (const row of rankingRows(ranking, locale)) sheet.addRow(row)
  sheet.getRow(1).font = { bold: true }
  sheet.columns.forEach((column) => {
    column.width = 18
  })
  const scores = workbook.addWorksheet(t('scores'))
  scores.addRow([t('line'), t('proposal'), t('criterion'), t('weight'), t('threshold'), t('score'), t('comment')])
  scores.getRow(1).font = { bold: true }
  for (const line of ranking.lines) {
    for (const entry of line.proposals) {
      for (const item of consensus.get(entry.proposalId) ?? []) {
        const criterion = ranking.criteria.find((candidate) => candidate.code === item.criterion)
        scores.addRow([line.code, entry.title, criterion ? name(locale, criterion) : item.criterion, criterion?.weight ?? '', criterion?.threshold ?? '', item.score, item.comment])
      }
    }
  }
  scores.columns.forEach((column) => {
    column.width = 22
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export type ProposalOutcome = {
  detail: EvaluationDetail
  leadName: string
  rank: number | null
  status: 'funded' | 'reserve' | 'below_threshold' | 'pending'
}

/** One page per proposal: outcome, rank, weighted score, each criterion's consensus score and reasons. */
export function proposalPdf(outcome: ProposalOutcome, locale: Locale, now: Date): Promise<Buffer> {
  const { detail } = outcome
  const t = (key: string, params: Record<string, string | number> = {}): string => translate(locale, `evaluation.pdf.${key}`, params)
  const document = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${t('title')} — ${detail.title}`, Author: 'CLOCK' } })
  const chunks: Buffer[] = []
  document.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)))
    document.on('error', reject)
  })
  document.font('Helvetica-Bold').fontSize(18).text(t('title'))
  document.moveDown(0.5).font('Helvetica').fontSize(11)
  document.text(t('call', { title: locale === 'it' ? detail.callTitleIt : detail.callTitleEn }))
  document.text(t('proposal', { title: detail.title, line: detail.line, version: detail.version }))
  document.text(t('lead', { name: outcome.leadName }))
  document.text(t('grant', { amount: formatEuros(locale, detail.grantCents) }))
  document.moveDown()
  if (!detail.consensus) {
    document.text(t('pending'))
  } else {
    document.font('Helvetica-Bold').text(t('outcome', { status: translate(locale, `evaluation.status.${outcome.status}`) }))
    document.font('Helvetica')
    if (outcome.rank !== null) document.text(t('rank', { rank: outcome.rank }))
    document.text(t('total', { total: detail.consensus.weightedTotal }))
    for (const item of detail.consensus.scores) {
      const criterion = detail.criteria.find((candidate) => candidate.code === item.criterion)
      document.moveDown(0.6).font('Helvetica-Bold').text(`${criterion ? name(locale, criterion) : item.criterion}: ${item.score} / 5`)
      document.font('Helvetica').text(item.comment)
    }
    document.moveDown().font('Helvetica-Bold').text(t('summary'))
    document.font('Helvetica').text(detail.consensus.comment)
  }
  const when = new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { timeZone: 'Europe/Rome', dateStyle: 'long', timeStyle: 'short' }).format(now)
  document.moveDown(2).fontSize(9).fillColor('#555555').text(t('generated', { when }))
  document.end()
  return finished
}
