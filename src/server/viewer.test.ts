import { describe, expect, it } from 'vitest';
import { viewerOf } from './viewer.js';

describe('viewerOf', () => {
  it('reads the role and, for a producer, which producer', () => {
    expect(viewerOf({ 'x-soteatlas-role': 'analyst' })).toEqual({ role: 'analyst' });
    expect(viewerOf({ 'x-soteatlas-role': 'producer', 'x-soteatlas-producer': 'P01' })).toEqual({
      role: 'producer',
      producerCode: 'P01',
    });
  });

  it('treats a missing, unknown or incomplete claim as public', () => {
    expect(viewerOf({})).toEqual({ role: 'public' });
    expect(viewerOf({ 'x-soteatlas-role': 'admin' })).toEqual({ role: 'public' });
    expect(viewerOf({ 'x-soteatlas-role': 'producer' })).toEqual({ role: 'public' });
  });
});
