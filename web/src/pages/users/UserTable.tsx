import type { Role, UserView } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { usersMessages } from './messages.js';

interface UserTableProps {
  users: readonly UserView[];
  editing: string | null;
  onEdit(user: UserView): void;
  onToggleDisabled(user: UserView): void;
}

export const UserTable = ({ users, editing, onEdit, onToggleDisabled }: UserTableProps) => {
  const text = usePageMessages(usersMessages);
  const { t, dateTime } = useI18n();
  const roleNames = (roles: readonly Role[]) =>
    roles.length === 0 ? (
      <span className="muted">{text.noRoles}</span>
    ) : (
      roles.map((r) => t.session.roles[r]).join(', ')
    );
  const scope = (user: UserView) =>
    [
      user.areas === undefined ? text.wholeCounty : user.areas.join(', '),
      ...(user.producerCode !== undefined ? [t.session.producerScope(user.producerCode)] : []),
    ].join('; ');
  return (
    <div className="table-scroll">
      <table id="users" className="data-table users-table">
        <caption>{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.columns.name}</th>
            <th scope="col">{text.columns.claimRoles}</th>
            <th scope="col">{text.columns.grantedRoles}</th>
            <th scope="col">{text.columns.scope}</th>
            <th scope="col">{text.columns.lastSeen}</th>
            <th scope="col">{text.columns.state}</th>
            <th scope="col">{text.columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.disabled ? 'users-table__disabled' : undefined}>
              <th scope="row">
                {user.name}
                {user.email && <span className="users-table__email">{user.email}</span>}
              </th>
              <td>{roleNames(user.claimRoles)}</td>
              <td>{roleNames(user.grantedRoles)}</td>
              <td>{scope(user)}</td>
              <td>{dateTime(user.lastSeenAt)}</td>
              <td>{user.disabled ? text.disabled : text.active}</td>
              <td className="users-table__actions">
                <button
                  type="button"
                  className="button-small"
                  aria-expanded={editing === user.id}
                  aria-controls={editing === user.id ? 'user-access' : undefined}
                  onClick={() => onEdit(user)}
                >
                  {text.edit}
                  <span className="visually-hidden">: {user.name}</span>
                </button>
                <button type="button" className="button-small" onClick={() => onToggleDisabled(user)}>
                  {user.disabled ? text.enable : text.disable}
                  <span className="visually-hidden">: {user.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
