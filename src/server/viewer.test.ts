import { describe, expect, it } from 'vitest';
import { viewerWithRoles } from '../model/index.js';
import { viewerOf } from './viewer.js';

describe('viewerOf', () => {
  it('reads the role and, for a producer, which producer', () => {
    expect(viewerOf({ 'x-soteatlas-role': 'analyst' })).toEqual(viewerWithRoles(['analyst']));
    expect(viewerOf({ 'x-soteatlas-role': 'producer', 'x-soteatlas-producer': 'P01' })).toEqual(
      viewerWithRoles(['producer'], { producerCode: 'P01' }),
    );
  });

  it('treats a missing, unknown or incomplete claim as public', () => {
    expect(viewerOf({})).toEqual(viewerWithRoles(['public']));
    expect(viewerOf({ 'x-soteatlas-role': 'admin' })).toEqual(viewerWithRoles(['public']));
    expect(viewerOf({ 'x-soteatlas-role': 'producer' })).toEqual(viewerWithRoles(['public']));
  });
});
