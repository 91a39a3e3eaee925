import { describe, expect, it } from 'vitest';
import type { UserView } from '../../../../src/model/index.js';
import { defaultRolePermissions } from '../../../../src/model/index.js';
import { changedRoles, changeOf, draftOf, grantableRoles, mayToggle } from './access.js';

const user: UserView = {
  id: 'u1',
  issuer: 'https://idp.example',
  subject: 's1',
  name: 'Aino Analyytikko',
  claimRoles: ['analyst'],
  grantedRoles: ['planner'],
  areas: ['091', '049'],
  disabled: false,
  firstSeenAt: '2026-01-02T08:00:00Z',
  lastSeenAt: '2026-01-03T09:00:00Z',
};

describe('the roles an administrator may grant', () => {
  it('are those whose every permission the administrator holds', () => {
    const held = defaultRolePermissions.administrator;
    const grantable = grantableRoles(
      ['public', 'producer', 'analyst', 'auditor'],
      defaultRolePermissions,
      held,
    );
    expect([...grantable]).toEqual(['public', 'producer']);
  });

  it('follow the county’s own table of role permissions', () => {
    const grantable = grantableRoles(['auditor'], { auditor: ['viewAggregates'] }, ['viewAggregates']);
    expect(grantable.has('auditor')).toBe(true);
  });
});

describe('a change of access', () => {
  it('is empty when nothing was changed', () => {
    expect(changeOf(user, draftOf(user))).toEqual({});
  });

  it('names only what changed', () => {
    expect(changeOf(user, { ...draftOf(user), grantedRoles: ['planner', 'manager'] })).toEqual({
      grantedRoles: ['planner', 'manager'],
    });
    expect(changeOf(user, { ...draftOf(user), areas: ['049', '091'] })).toEqual({});
    expect(changeOf(user, { ...draftOf(user), areas: ['091'] })).toEqual({ areas: ['091'] });
  });

  it('sends null for the whole county and for no producer', () => {
    expect(changeOf(user, { ...draftOf(user), areas: null })).toEqual({ areas: null });
    const producer = { ...user, producerCode: 'P1' };
    expect(changeOf(producer, { ...draftOf(producer), producerCode: ' ' })).toEqual({ producerCode: null });
    expect(changeOf(user, { ...draftOf(user), producerCode: 'P2 ' })).toEqual({ producerCode: 'P2' });
  });
});

describe('a change to what roles may do', () => {
  it('may take any permission away, and give only those the administrator holds', () => {
    expect(mayToggle(true, 'viewAudit', ['manageUsers'])).toBe(true);
    expect(mayToggle(false, 'viewAudit', ['manageUsers'])).toBe(false);
    expect(mayToggle(false, 'manageUsers', ['manageUsers'])).toBe(true);
  });

  it('names only the roles whose permissions changed, in the model’s order', () => {
    const before = { manager: ['viewAggregates', 'editTargets'], public: ['viewAggregates'] } as const;
    expect(
      changedRoles(before, {
        manager: ['editTargets', 'viewAggregates'],
        public: ['viewAudit', 'viewAggregates'],
      }),
    ).toEqual([['public', ['viewAggregates', 'viewAudit']]]);
  });
});
