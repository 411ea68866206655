import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { romeToday } from '../../../src/platform/rome-time'
import { api } from '../platform/api'
import { ErrorMessage, Loading } from '../platform/feedback'
import { Checkbox, errorFor, FormAlert, TextField, useSubmit } from '../platform/forms'
import { formatDate, formatNumber } from '../platform/format'
import { Pagination } from '../platform/pagination'
import { useApi } from '../platform/use-api'
import { useLanguage } from '../platform/use-language'
import { OrganisationSearch } from '../organisations/organisation-search'
import type { OrganisationSummary } from '../organisations/types'
import type { ClusterDetail, ClusterMember, ClusterMemberPage } from './types'

const pageSize = 20

export function ClusterMembers({ cluster, onChanged }: { cluster: ClusterDetail; onChanged: () => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const [page, setPage] = useState(1)
  const path = `/api/clusters/${encodeURIComponent(cluster.slug)}/members?page=${page}&pageSize=${pageSize}`
  const { data, error, loading, reload } = useApi<ClusterMemberPage>(path)
  const [adding, setAdding] = useState(false)
  const changed = (): void => {
    reload()
    onChanged()
  }
  return (
    <section className="members" aria-labelledby="members-title" data-testid="cluster-members">
      <div className="section-header">
        <h2 id="members-title">{t('cluster.members')}</h2>
        {data && <p className="muted" data-testid="members-total">{t('cluster.memberCount', { count: data.total, formatted: formatNumber(language, data.total) })}</p>}
        {cluster.canEdit && !adding && (
          <button type="button" className="button button--secondary" onClick={() => setAdding(true)} data-testid="add-member">
            {t('members.add')}
          </button>
        )}
      </div>
      {adding && <AddMemberForm slug={cluster.slug} onDone={(added) => { setAdding(false); if (added) changed() }} />}
      {error && <ErrorMessage error={error} />}
      {!data && loading && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('members.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrapper">
          <table className="table" aria-busy={loading}>
            <caption className="visually-hidden">{t('cluster.members')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.organisation')}</th>
                <th scope="col">{t('organisation.type')}</th>
                <th scope="col">{t('members.associated')}</th>
                <th scope="col">{t('members.since')}</th>
                <th scope="col">{t('members.until')}</th>
                {cluster.canEdit && <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {data.items.map((member) => (
                <MemberRow key={member.membershipId} member={member} canEdit={cluster.canEdit} onChanged={changed} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && <Pagination page={page} total={data.total} pageSize={pageSize} onPage={setPage} testId="members-pagination" />}
    </section>
  )
}

function MemberRow({ member, canEdit, onChanged }: { member: ClusterMember; canEdit: boolean; onChanged: () => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const [editing, setEditing] = useState(false)
  const { busy, failure, run } = useSubmit()
  const remove = (): void => {
    if (!window.confirm(t('members.confirmRemove', { name: member.legalName }))) return
    void run(async () => {
      await api.del(`/api/memberships/${member.membershipId}`)
      onChanged()
    })
  }
  if (editing) {
    return (
      <tr>
        <td colSpan={6}>
          <EditMembershipForm member={member} onDone={(changed) => { setEditing(false); if (changed) onChanged() }} />
        </td>
      </tr>
    )
  }
  return (
    <tr>
      <td>
        <Link to={`/organisations/${member.organisationId}`}>{member.legalName}</Link>
        {failure && <p className="field-error" role="alert">{failure.message}</p>}
      </td>
      <td>{t(`organisation.types.${member.type}`, { defaultValue: member.type })}</td>
      <td>{member.associated ? t('common.yes') : t('common.no')}</td>
      <td>{formatDate(language, member.since)}</td>
      <td>{member.until ? formatDate(language, member.until) : <span className="muted">{t('members.ongoing')}</span>}</td>
      {canEdit && (
        <td className="table__actions">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </button>
          <button type="button" className="link-button link-button--danger" disabled={busy} onClick={remove}>
            {t('common.remove')}
          </button>
        </td>
      )}
    </tr>
  )
}

function EditMembershipForm({ member, onDone }: { member: ClusterMember; onDone: (changed: boolean) => void }): ReactElement {
  const { t } = useTranslation()
  const [associated, setAssociated] = useState(member.associated)
  const [since, setSince] = useState(member.since)
  const [until, setUntil] = useState(member.until ?? '')
  const { busy, failure, run } = useSubmit()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run(async () => {
      await api.patch(`/api/memberships/${member.membershipId}`, { associated, since, until: until || null })
      onDone(true)
    })
  }
  return (
    <form className="form form--inline" onSubmit={submit} aria-label={t('members.editTitle', { name: member.legalName })}>
      <p className="form__title">{t('members.editTitle', { name: member.legalName })}</p>
      <FormAlert failure={failure} />
      <Checkbox label={t('members.associated')} checked={associated} onChange={setAssociated} />
      <TextField type="date" label={t('members.since')} value={since} onChange={setSince} error={errorFor(failure, 'since')} required />
      <TextField type="date" label={t('members.until')} value={until} onChange={setUntil} error={errorFor(failure, 'until')} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

function AddMemberForm({ slug, onDone }: { slug: string; onDone: (added: boolean) => void }): ReactElement {
  const { t } = useTranslation()
  const [organisation, setOrganisation] = useState<OrganisationSummary | null>(null)
  const [associated, setAssociated] = useState(true)
  const [since, setSince] = useState(romeToday())
  const [until, setUntil] = useState('')
  const { busy, failure, run } = useSubmit()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!organisation) return
    void run(async () => {
      await api.post(`/api/clusters/${encodeURIComponent(slug)}/members`, {
        organisationId: organisation.id,
        associated,
        since,
        until: until || null,
      })
      onDone(true)
    })
  }
  return (
    <form className="form form--panel" onSubmit={submit} aria-labelledby="add-member-title" data-testid="add-member-form">
      <h3 id="add-member-title">{t('members.add')}</h3>
      <FormAlert failure={failure} />
      <OrganisationSearch label={t('members.organisation')} selected={organisation} onSelect={setOrganisation} error={errorFor(failure, 'organisationId')} />
      <Checkbox label={t('members.associated')} hint={t('members.associatedHint')} checked={associated} onChange={setAssociated} />
      <TextField type="date" label={t('members.since')} value={since} onChange={setSince} error={errorFor(failure, 'since')} required />
      <TextField type="date" label={t('members.until')} value={until} onChange={setUntil} error={errorFor(failure, 'until')} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || !organisation}>
          {t('members.addSubmit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
