import { describe, expect, it } from 'vitest';
import { variantLabel } from './variantLabel.js';

describe('variantLabel', () => {
  it('takes the label in the reader’s language, and the one label for a language left out or none', () => {
    const variant = { label: 'Slow', labels: { fi: 'Hidas', sv: 'Långsam' } };
    expect(variantLabel(variant, 'fi')).toBe('Hidas');
    expect(variantLabel(variant, 'sv')).toBe('Långsam');
    expect(variantLabel(variant, 'en')).toBe('Slow');
    expect(variantLabel({ label: 'Oma' }, 'sv')).toBe('Oma');
  });
});
