import { z } from 'zod';
import { Permission, Role, UserKey } from './viewer.js';

/** A user of the demo identity provider, listed on the sign-in page so that anyone can try each role. */
export const DemoUser = z.object({
  /** The provider's account id, passed as `login_hint` to sign in as this user with one click. */
  id: z.string(),
  name: z.string(),
  roles: z.array(Role),
  producerCode: z.string().optional(),
});
export type DemoUser = z.infer<typeof DemoUser>;

/**
 * Who is signed in, as `GET /api/session` answers it: the app shows the name and role, hides what the
 * permissions do not allow, and sends `csrfToken` in `X-CSRF-Token` with every request that changes
 * something.
 */
export const SessionInfo = z.object({
  /** 'public' when sign-in is not configured: everyone sees suppressed figures and changes nothing. */
  mode: z.enum(['public', 'signIn']),
  user: UserKey.extend({ name: z.string() }).optional(),
  roles: z.array(Role),
  permissions: z.array(Permission),
  areas: z.array(z.string()).optional(),
  producerCode: z.string().optional(),
  csrfToken: z.string().optional(),
  /** Only in the demo: the users its identity provider knows. */
  demoUsers: z.array(DemoUser).optional(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
