import { describe, expect, it } from 'vitest';
import { apiPath } from './endpoints.js';

describe('apiPath', () => {
  it('adds the parameters that are given', () => {
    expect(apiPath('/api/areas', { level: 'municipality', year: 2025 })).toBe(
      '/api/areas?level=municipality&year=2025',
    );
  });

  it('leaves out undefined parameters so that the server chooses', () => {
    expect(apiPath('/api/areas', { level: 'municipality', year: undefined })).toBe(
      '/api/areas?level=municipality',
    );
    expect(apiPath('/api/units')).toBe('/api/units');
  });
});
