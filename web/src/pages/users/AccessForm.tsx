import { type FormEvent, useId, useState } from 'react';
import type { UserView } from '../../../../src/model/index.js';
import { defaultRolePermissions, Role, type UserAccessChange } from '../../../../src/model/index.js';
import { useAreas } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useSession } from '../../session/SessionProvider.js';
import { areaName } from '../data/names.js';
import { changeOf, draftOf, grantableRoles } from './access.js';
import { useRolePermissions } from './api.js';
import { usersMessages } from './messages.js';

interface AccessFormProps {
  user: UserView;
  onSave(change: UserAccessChange): Promise<void>;
  onCancel(): void;
}

/** A user's granted roles and scope. Roles the administrator cannot grant are shown, but cannot be ticked. */
export const AccessForm = ({ user, onSave, onCancel }: AccessFormProps) => {
  const text = usePageMessages(usersMessages);
  const { t, language } = useI18n();
  const { session } = useSession();
  const id = useId();
  const roleTable = useRolePermissions();
  const municipalities = useAreas('municipality');
  const [draft, setDraft] = useState(() => draftOf(user));
  const [note, setNote] = useState('');
  const rolePermissions = roleTable.status === 'ready' ? roleTable.data.roles : defaultRolePermissions;
  const grantable = grantableRoles(Role.options, rolePermissions, session.permissions);

  const toggleRole = (role: Role) =>
    setDraft((d) => ({
      ...d,
      grantedRoles: d.grantedRoles.includes(role)
        ? d.grantedRoles.filter((r) => r !== role)
        : [...d.grantedRoles, role],
    }));
  const toggleArea = (code: string) =>
    setDraft((d) => ({
      ...d,
      areas: d.areas?.includes(code) ? d.areas.filter((c) => c !== code) : [...(d.areas ?? []), code],
    }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const change = changeOf(user, draft);
    if (Object.keys(change).length === 0) setNote(text.form.noChange);
    else void onSave(change);
  };

  return (
    <form id="user-access" className="card access-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{text.form.title(user.name)}</h2>
      <fieldset>
        <legend>{text.form.roles}</legend>
        <ul className="access-form__choices">
          {Role.options.map((role) => {
            // Taking a role away is always allowed; only granting is limited to what one holds.
            const allowed = grantable.has(role) || user.grantedRoles.includes(role);
            return (
              <li key={role}>
                <input
                  id={`${id}-role-${role}`}
                  type="checkbox"
                  checked={draft.grantedRoles.includes(role)}
                  disabled={!allowed}
                  aria-describedby={allowed ? undefined : `${id}-not-grantable`}
                  onChange={() => toggleRole(role)}
                />
                <label htmlFor={`${id}-role-${role}`}>{t.session.roles[role]}</label>
              </li>
            );
          })}
        </ul>
        <p className="hint" id={`${id}-not-grantable`}>
          {text.form.notGrantable}
        </p>
      </fieldset>
      <fieldset>
        <legend>{text.form.areas}</legend>
        <p className="access-form__radio">
          <input
            id={`${id}-whole`}
            type="radio"
            name={`${id}-scope`}
            checked={draft.areas === null}
            onChange={() => setDraft((d) => ({ ...d, areas: null }))}
          />
          <label htmlFor={`${id}-whole`}>{text.form.wholeCounty}</label>
        </p>
        <p className="access-form__radio">
          <input
            id={`${id}-some`}
            type="radio"
            name={`${id}-scope`}
            checked={draft.areas !== null}
            onChange={() => setDraft((d) => ({ ...d, areas: d.areas ?? [] }))}
          />
          <label htmlFor={`${id}-some`}>{text.form.someAreas}</label>
        </p>
        {draft.areas !== null && municipalities.status === 'ready' && (
          <ul className="access-form__choices access-form__areas">
            {municipalities.data.areas.map((area) => (
              <li key={area.code}>
                <input
                  id={`${id}-area-${area.code}`}
                  type="checkbox"
                  checked={draft.areas?.includes(area.code) ?? false}
                  onChange={() => toggleArea(area.code)}
                />
                <label htmlFor={`${id}-area-${area.code}`}>
                  {areaName(area, language)} ({area.code})
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-producer`}>{text.form.producer}</label>
        <input
          id={`${id}-producer`}
          type="text"
          maxLength={64}
          value={draft.producerCode}
          aria-describedby={`${id}-producer-hint`}
          onChange={(event) => setDraft((d) => ({ ...d, producerCode: event.target.value }))}
        />
        <p className="hint" id={`${id}-producer-hint`}>
          {text.form.producerHint}
          {user.claimProducerCode !== undefined && ` (${text.form.fromClaim(user.claimProducerCode)})`}
        </p>
      </div>
      {note !== '' && (
        <p className="status" role="status">
          {note}
        </p>
      )}
      <div className="access-form__buttons">
        <button type="submit" className="button button--primary">
          {text.form.save}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {text.form.cancel}
        </button>
      </div>
    </form>
  );
};
