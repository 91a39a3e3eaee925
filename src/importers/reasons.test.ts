import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReasonLanguage, RejectReasonCode } from '../model/index.js';
import { openStore, type Store } from '../store/index.js';
import { importFile } from './import-file.js';
import { reasonText, reasonTextSql, reasonTexts } from './reasons.js';
import { eventHeader, eventRow, seededStore, writeText } from './testing.js';

const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('reject reasons', () => {
  it('have words for every code in every language, naming the same parameters', () => {
    for (const code of RejectReasonCode.options) {
      const english = placeholders(reasonTexts.en[code]);
      for (const language of ReasonLanguage.options) {
        expect(reasonTexts[language][code].trim(), `${language} ${code}`).not.toBe('');
        expect(placeholders(reasonTexts[language][code]), `${language} ${code}`).toEqual(english);
      }
    }
  });

  it('are put in words with their parameters', () => {
    const duplicate = { code: 'duplicateKey' as const, params: { line: 2 } };
    expect(reasonText('en', duplicate)).toBe('the same key as line 2');
    expect(reasonText('fi', duplicate)).toBe('sama avain kuin rivillä 2');
    expect(reasonText('sv', duplicate)).toBe('samma nyckel som rad 2');
  });

  describe('in SQL', () => {
    let store: Store;
    beforeAll(async () => {
      store = await openStore(':memory:');
    });
    afterAll(() => store.close());

    it('read the same as in JavaScript, whatever the parameters hold', async () => {
      const params = fc.dictionary(
        fc.constantFrom('value', 'line', 'min', 'max', 'expected', 'found', 'text', 'columns'),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.integer()),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...RejectReasonCode.options),
          params,
          fc.constantFrom(...ReasonLanguage.options),
          async (code, reasonParams, language) => {
            const [row] = await store.all<{ text: string }>(
              `SELECT ${reasonTextSql(language, '$code', '$params')} AS text`,
              { code, params: JSON.stringify(reasonParams) },
            );
            expect(row?.text).toBe(reasonText(language, { code, params: reasonParams }));
          },
        ),
        { numRuns: 60 },
      );
    });
  });
});

describe('an import in a chosen language', () => {
  it('writes the summary and the reject report in that language, the stored English words kept', async () => {
    const { store, dir } = await seededStore();
    try {
      const file = writeText(dir, 'events.csv', [
        eventHeader,
        eventRow('E1'),
        eventRow('E1', { age: '130' }),
      ]);
      const rejectsFile = join(dir, 'rejects.csv');
      await importFile(store, { file, kind: 'events', rejectsFile, language: 'fi', dryRun: true });
      expect(readFileSync(rejectsFile, 'utf8').split('\r\n')[1]).toBe('3;ikä;130;oltava enintään 100');
      await importFile(store, { file, kind: 'events', rejectsFile, language: 'sv' });
      expect(readFileSync(rejectsFile, 'utf8').split('\r\n')[1]).toBe('3;ikä;130;får vara högst 100');
      expect(
        await store.all('SELECT line, reason, reason_code, reason_params FROM rejects ORDER BY line'),
      ).toEqual([
        { line: 3, reason: 'must be at most 100', reason_code: 'atMost', reason_params: '{"max":100}' },
      ]);

      const refused = await importFile(store, {
        file: writeText(dir, 'no-date.csv', ['tapahtuma_id;kunta', 'E9;901']),
        kind: 'events',
        language: 'sv',
      });
      expect(refused.refusal?.code).toBe('missingColumns');
      expect(refused.reason).toMatch(/^obligatoriska kolumner saknas: /);
    } finally {
      store.close();
    }
  });
});

describe('unknown codes', () => {
  it('name an unknown municipality code in a population file, not a missing area level, with its merger successor', async () => {
    const { store, dir } = await seededStore();
    try {
      const file = writeText(dir, 'population.csv', [
        'alue;vuosi;ika;sukupuoli;vaesto',
        '901;2024;5;1;10',
        '999;2024;5;1;10',
        'X1;2024;5;1;10',
        '413;2024;5;1;10',
      ]);
      const summary = await importFile(store, { file, kind: 'population' });
      expect(summary).toMatchObject({ rowsAccepted: 1, rowsRejected: 3 });
      expect(
        await store.all('SELECT line, column_name, value, reason, reason_code FROM rejects ORDER BY line'),
      ).toEqual([
        {
          line: 3,
          column_name: 'alue',
          value: '999',
          reason: 'unknown municipality code 999',
          reason_code: 'unknownMunicipalityCode',
        },
        {
          line: 4,
          column_name: 'alue',
          value: 'X1',
          reason: 'unknown area code X1',
          reason_code: 'unknownAreaCode',
        },
        {
          line: 5,
          column_name: 'alue',
          value: '413',
          reason: 'unknown municipality code 413: the municipality was merged into 609 (Pori) in 2015',
          reason_code: 'mergedMunicipalityCode',
        },
      ]);
    } finally {
      store.close();
    }
  });
});
