import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../platform/api'
import { errorFor, FormAlert, useSubmit } from '../platform/forms'
import { OrganisationSearch } from '../organisations/organisation-search'
import { TaxonomyPicker } from '../taxonomy/taxonomy-picker'
import type { EvaluatorSummary } from './evaluation-types'

/**
 * An evaluator's organisation (its proposals are never assigned to them) and expertise (the fit with a
 * proposal's priority); edited by the evaluator for themselves or by an officer.
 */
export function EvaluatorProfileForm({ evaluator, onSaved, onCancel }: { evaluator: EvaluatorSummary; onSaved: (next: EvaluatorSummary) => void; onCancel: () => void }): ReactElement {
  const { t } = useTranslation()
  const [organisation, setOrganisation] = useState(evaluator.organisationId ? { id: evaluator.organisationId, name: evaluator.organisationName ?? '' } : null)
  const [expertise, setExpertise] = useState(evaluator.expertise)
  const save = useSubmit()
  const submit = (): Promise<void> =>
    save.run(async () => {
      const answer = await api.put<{ evaluator: EvaluatorSummary }>(`/api/evaluators/${evaluator.id}/profile`, { organisationId: organisation?.id ?? null, expertise })
      onSaved(answer.evaluator)
    })
  return (
    <form
      className="form"
      data-testid="evaluator-profile-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <FormAlert failure={save.failure} />
      {organisation ? (
        <div className="field">
          <span className="field-label">{t('calls.evaluation.pool.organisation')}</span>
          <p className="selected-item">
            <strong data-testid="evaluator-organisation">{organisation.name}</strong>
            <button type="button" className="link-button" onClick={() => setOrganisation(null)}>
              {t('common.change')}
            </button>
          </p>
          <p className="field-hint">{t('calls.evaluation.pool.organisationHint')}</p>
        </div>
      ) : (
        <OrganisationSearch
          label={t('calls.evaluation.pool.organisationSearch')}
          selected={null}
          onSelect={(found) => setOrganisation(found ? { id: found.id, name: found.legalName } : null)}
          error={errorFor(save.failure, 'organisationId')}
        />
      )}
      <TaxonomyPicker legend={t('calls.evaluation.pool.expertise')} hint={t('calls.evaluation.pool.expertiseHint')} value={expertise} onChange={setExpertise} error={errorFor(save.failure, 'expertise')} testId="evaluator-expertise" />
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.busy} data-testid="evaluator-profile-save">
          {t('common.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
