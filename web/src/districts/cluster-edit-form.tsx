import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../platform/api'
import { errorFor, FormAlert, TextArea, TextField, useSubmit } from '../platform/forms'
import { forgetReference } from '../platform/use-api'
import { TaxonomyPicker } from '../taxonomy/taxonomy-picker'
import type { ClusterDetail, ClusterUpdate } from './types'
import { clustersPath } from './use-clusters'

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim())

export function ClusterEditForm(props: { cluster: ClusterDetail; onSaved: (cluster: ClusterDetail) => void; onCancel: () => void }): ReactElement {
  const { t } = useTranslation()
  const { cluster } = props
  const [descriptionIt, setDescriptionIt] = useState(cluster.descriptionIt)
  const [descriptionEn, setDescriptionEn] = useState(cluster.descriptionEn)
  const [managingEntity, setManagingEntity] = useState(cluster.managingEntity ?? '')
  const [website, setWebsite] = useState(cluster.website ?? '')
  const [priorityCodes, setPriorityCodes] = useState(cluster.priorityCodes)
  const { busy, failure, run } = useSubmit()

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const changes: ClusterUpdate = {
      descriptionIt: descriptionIt.trim(),
      descriptionEn: descriptionEn.trim(),
      managingEntity: orNull(managingEntity),
      website: orNull(website),
      priorityCodes,
    }
    void run(async () => {
      const { cluster: updated } = await api.patch<{ cluster: ClusterDetail }>(`/api/clusters/${encodeURIComponent(cluster.slug)}`, changes)
      forgetReference(clustersPath)
      props.onSaved(updated)
    })
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="cluster-form" aria-labelledby="cluster-form-title">
      <h2 id="cluster-form-title">{t('cluster.editTitle')}</h2>
      <FormAlert failure={failure} />
      <TextArea
        label={t('cluster.descriptionIt')}
        lang="it"
        value={descriptionIt}
        onChange={setDescriptionIt}
        error={errorFor(failure, 'descriptionIt')}
        testId="cluster-description-it"
      />
      <TextArea
        label={t('cluster.descriptionEn')}
        lang="en"
        value={descriptionEn}
        onChange={setDescriptionEn}
        error={errorFor(failure, 'descriptionEn')}
        testId="cluster-description-en"
      />
      <TextField
        label={t('cluster.managingEntity')}
        hint={t('cluster.managingEntityHint')}
        value={managingEntity}
        onChange={setManagingEntity}
        error={errorFor(failure, 'managingEntity')}
        maxLength={200}
      />
      <TextField
        label={t('cluster.website')}
        hint={t('form.websiteHint')}
        type="url"
        value={website}
        onChange={setWebsite}
        error={errorFor(failure, 'website')}
      />
      <TaxonomyPicker
        legend={t('cluster.priorities')}
        hint={t('cluster.prioritiesHint')}
        value={priorityCodes}
        onChange={setPriorityCodes}
        error={errorFor(failure, 'priorityCodes')}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="save-cluster">
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
