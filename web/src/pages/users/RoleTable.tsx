import { type FormEvent, useState } from 'react';
import { Permission, Role, type RoleList, type RolePermissions } from '../../../../src/model/index.js';
import { sendJson } from '../../api/send.js';
import { useFailureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useSession } from '../../session/SessionProvider.js';
import { changedRoles, mayToggle } from './access.js';
import { usersMessages } from './messages.js';

/** The county's table of what each role may do, changed in one save. */
export const RoleTable = ({ roles }: { roles: RolePermissions }) => {
  const text = usePageMessages(usersMessages);
  const { t } = useI18n();
  const { session } = useSession();
  const failureText = useFailureText();
  // What the server keeps: a save compares the draft with it, and becomes it once saved.
  const [saved, setSaved] = useState<RolePermissions>(roles);
  const [draft, setDraft] = useState<RolePermissions>(roles);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const toggle = (role: Role, permission: Permission) =>
    setDraft((d) => {
      const now = d[role] ?? [];
      return {
        ...d,
        [role]: now.includes(permission) ? now.filter((p) => p !== permission) : [...now, permission],
      };
    });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const changes = changedRoles(saved, draft);
    if (changes.length === 0) return setMessage({ text: text.rolesTable.noChange, failed: false });
    try {
      let answer: RoleList | undefined;
      for (const [role, permissions] of changes)
        answer = await sendJson<RoleList>('PUT', `/api/roles/${role}`, { body: { permissions } });
      if (answer) {
        setSaved(answer.roles);
        setDraft(answer.roles);
      }
      setMessage({ text: text.rolesTable.saved, failed: false });
    } catch (failure) {
      setMessage({ text: text.failed(failureText(failure)), failed: true });
    }
  };

  return (
    <form onSubmit={save} aria-labelledby="role-table-title">
      <h2 id="role-table-title">{text.rolesTable.title}</h2>
      <p className="hint">{text.rolesTable.lead}</p>
      <div className="table-scroll">
        <table id="role-permissions" className="data-table role-table">
          <caption>{text.rolesTable.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.rolesTable.role}</th>
              {Permission.options.map((permission) => (
                <th scope="col" key={permission}>
                  {text.permissions[permission]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Role.options.map((role) => (
              <tr key={role}>
                <th scope="row">{t.session.roles[role]}</th>
                {Permission.options.map((permission) => {
                  const has = draft[role]?.includes(permission) ?? false;
                  return (
                    <td key={permission} className="role-table__cell">
                      <input
                        type="checkbox"
                        aria-label={text.rolesTable.cell(t.session.roles[role], text.permissions[permission])}
                        checked={has}
                        disabled={!mayToggle(has, permission, session.permissions)}
                        onChange={() => toggle(role, permission)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={message?.failed ? 'status status--error' : 'status'} role="status">
        {message?.text ?? ''}
      </p>
      <button type="submit" className="button button--primary">
        {text.rolesTable.save}
      </button>
    </form>
  );
};
