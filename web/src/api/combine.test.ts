import { describe, expect, it } from 'vitest';
import { combine } from './combine.js';
import type { ApiState } from './useApi.js';

const ready = <T>(data: T): ApiState<T> => ({ status: 'ready', data });
const loading: ApiState<never> = { status: 'loading' };
const failed: ApiState<never> = { status: 'error', reason: 'internal' };

describe('combine', () => {
  it('is ready with every answer in order once all are ready', () => {
    expect(combine(ready(1), ready('a'))).toEqual({ status: 'ready', data: [1, 'a'] });
  });

  it('is loading while any request is', () => {
    expect(combine(ready(1), loading)).toEqual({ status: 'loading' });
  });

  it('reports a failure even while other requests still load', () => {
    expect(combine(loading, failed, ready(1))).toEqual(failed);
  });
});
