import { describe, expect, it } from 'vitest';
import { can, localPath, publicSession, signInPath } from './session.js';

describe('the session', () => {
  it('permits only what its permissions name', () => {
    expect(can(publicSession, 'viewAggregates')).toBe(true);
    expect(can(publicSession, 'editTargets')).toBe(false);
    expect(can({ ...publicSession, permissions: ['viewAudit'] }, 'viewAudit')).toBe(true);
  });

  it('starts signing in with the path to return to and, in demo mode, the chosen user', () => {
    expect(signInPath('/indicators?id=a&b=c')).toBe('/auth/login?returnTo=%2Findicators%3Fid%3Da%26b%3Dc');
    expect(signInPath('/', 'analyst')).toBe('/auth/login?returnTo=%2F&login_hint=analyst');
  });

  it('returns only to paths on this site', () => {
    expect(localPath('/network?x=1')).toBe('/network?x=1');
    expect(localPath('//evil.example/')).toBe('/');
    expect(localPath('/\\evil.example')).toBe('/');
    expect(localPath('https://evil.example/')).toBe('/');
    expect(localPath(null)).toBe('/');
  });
});
