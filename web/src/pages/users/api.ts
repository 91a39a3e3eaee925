import { useCallback, useEffect, useState } from 'react';
import type { Permission, Role, User, UserAccessChange } from '../../../../src/model/index.js';
import { type FailureReason, getJson, reasonOf } from '../../api/failure.js';
import { sendJson } from '../../api/send.js';
import { useApi } from '../../api/useApi.js';

/** A user as the users API lists them: `id` is an opaque, URL-safe name for their issuer and subject. */
export type ListedUser = User & { id: string };

/** The users seen at sign-in, with a way to read them again after a change. */
export const useUsers = () => {
  const [users, setUsers] = useState<ListedUser[] | null>(null);
  const [error, setError] = useState<FailureReason | null>(null);
  const reload = useCallback(() => {
    getJson<{ users: ListedUser[] }>('/api/users')
      .then((answer) => {
        setUsers(answer.users);
        setError(null);
      })
      .catch((failure: unknown) => setError(reasonOf(failure)));
  }, []);
  useEffect(reload, [reload]);
  return { users, error, reload };
};

/** What each role may do in this county, which decides the roles an administrator may grant. */
export const useRolePermissions = () => useApi<{ roles: Partial<Record<Role, Permission[]>> }>('/api/roles');

export const changeUserAccess = (id: string, change: UserAccessChange): Promise<ListedUser> =>
  sendJson<ListedUser>('PUT', `/api/users/${encodeURIComponent(id)}/access`, { body: change });
