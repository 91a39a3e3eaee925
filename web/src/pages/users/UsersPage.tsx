import { useState } from 'react';
import type { UserAccessChange, UserView } from '../../../../src/model/index.js';
import { Loaded } from '../../components/Loaded.js';
import { useFailureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { AccessForm } from './AccessForm.js';
import { changeUserAccess, useRolePermissions, useUsers } from './api.js';
import { usersMessages } from './messages.js';
import { RoleTable } from './RoleTable.js';
import { UserTable } from './UserTable.js';
import './users.css';

/** The administrators' page: who has signed in, their roles and scope, and changes to them. */
export const UsersPage = () => {
  const text = usePageMessages(usersMessages);
  const { t } = useI18n();
  const failureText = useFailureText();
  const { users, error, reload } = useUsers();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  const change = async (user: UserView, access: UserAccessChange, done: (name: string) => string) => {
    try {
      await changeUserAccess(user.id, access);
      setMessage({ text: done(user.name), failed: false });
      setEditing(null);
      reload();
    } catch (failure) {
      setMessage({ text: text.failed(failureText(failure)), failed: true });
    }
  };
  const edited = users?.find((user) => user.id === editing);

  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <p className="lead">{text.lead}</p>
      <p className={message?.failed ? 'status status--error' : 'status'} role="status">
        {message?.text ?? ''}
      </p>
      {error !== null ? (
        <p className="status status--error" role="alert">
          {t.status.failed(failureText(error))}
        </p>
      ) : users === null ? (
        <p className="status">{t.status.loading}</p>
      ) : users.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <UserTable
          users={users}
          editing={editing}
          onEdit={(user) => setEditing(user.id)}
          onToggleDisabled={(user) =>
            void change(
              user,
              { disabled: !user.disabled },
              user.disabled ? text.enabledNow : text.disabledNow,
            )
          }
        />
      )}
      {edited && (
        <AccessForm
          key={edited.id}
          user={edited}
          onSave={(access) => change(edited, access, text.saved)}
          onCancel={() => setEditing(null)}
        />
      )}
      <RoleSection />
    </>
  );
};

const RoleSection = () => {
  const roles = useRolePermissions();
  return <Loaded state={roles}>{(data) => <RoleTable roles={data.roles} />}</Loaded>;
};
