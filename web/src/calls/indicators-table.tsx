import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { formatEuros, formatNumber } from '../platform/format'
import { localized, useLanguage } from '../platform/use-language'
import type { IndicatorValues, Indicators } from './evaluation-types'

/** In the order the districts report them (DOMAIN.md). */
const indicatorKeys = [
  'submittedProjects',
  'financedProjects',
  'enterprisesInvolved',
  'totalInvestmentCents',
  'publicGrantCents',
  'researchContracts',
  'researchContractsCents',
  'researchOrganisationsInvolved',
] as const satisfies readonly (keyof IndicatorValues)[]

/** The call's results indicators, one column per line and one for the total; amounts in EUR per locale. */
export function IndicatorsTable({ indicators }: { indicators: Indicators }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const show = (key: keyof IndicatorValues, values: IndicatorValues): string => (key.endsWith('Cents') ? formatEuros(language, values[key]) : formatNumber(language, values[key]))
  return (
    <section data-testid="indicators" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t('calls.evaluation.indicators.title')}</h2>
      <p className="muted">{t('calls.evaluation.indicators.lead')}</p>
      <div className="table-wrapper">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('calls.evaluation.indicators.indicator')}</th>
              {indicators.lines.map((line) => (
                <th scope="col" key={line.code} title={localized(language, line.titleIt, line.titleEn)}>
                  {t('calls.evaluation.line', { line: line.code })}
                </th>
              ))}
              <th scope="col">{t('calls.evaluation.indicators.total')}</th>
            </tr>
          </thead>
          <tbody>
            {indicatorKeys.map((key) => (
              <tr key={key} data-testid={`indicator-${key}`}>
                <td>{t(`calls.evaluation.indicators.${key}`)}</td>
                {indicators.lines.map((line) => (
                  <td key={line.code} data-line={line.code}>
                    {show(key, line)}
                  </td>
                ))}
                <td data-testid="indicator-total">{show(key, indicators.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
