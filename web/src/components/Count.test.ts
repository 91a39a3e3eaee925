import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { dictionaries } from '../i18n/messages.js';
import { Count } from './Count.js';

// Outside a browser there is no stored choice, so the provider speaks Finnish, the default.
const render = (value: number | null, suppressed?: boolean): string =>
  renderToStaticMarkup(createElement(I18nProvider, null, createElement(Count, { value, suppressed })));

describe('Count', () => {
  it('writes a known count in the Finnish number format', () => {
    expect(render(12345).replace(/\u202f|\u00a0/g, ' ')).toBe('12 345');
  });

  it('shows a suppressed count as <5 with its reason for screen readers, never as 0', () => {
    const html = render(null, true);
    expect(html).toContain('<span aria-hidden="true">&lt;5</span>');
    expect(html).toContain(dictionaries.fi.status.suppressedLabel);
    expect(html).not.toContain('>0<');
  });

  it('tells a missing count apart from a suppressed one', () => {
    const html = render(null);
    expect(html).toContain(dictionaries.fi.status.notAvailable);
    expect(html).not.toContain('&lt;5');
  });
});
