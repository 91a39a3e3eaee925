import { useCallback, useEffect, useState } from 'react';
import type { RoleList, UserAccessChange, UserList, UserView } from '../../../../src/model/index.js';
import { type FailureReason, getJson, reasonOf } from '../../api/failure.js';
import { sendJson } from '../../api/send.js';
import { useApi } from '../../api/useApi.js';

/** The users seen at sign-in, with a way to read them again after a change. */
export const useUsers = () => {
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [error, setError] = useState<FailureReason | null>(null);
  const reload = useCallback(() => {
    getJson<UserList>('/api/users')
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
export const useRolePermissions = () => useApi<RoleList>('/api/roles');

/** `id` is the opaque one GET /api/users gives. */
export const changeUserAccess = (id: string, change: UserAccessChange): Promise<UserView> =>
  sendJson<UserView>('PUT', `/api/users/${encodeURIComponent(id)}/access`, { body: change });
