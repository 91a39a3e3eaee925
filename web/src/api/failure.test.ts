import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/model/index.js';
import { failureText } from '../i18n/failureText.js';
import { languages } from '../i18n/languages.js';
import { dictionaries } from '../i18n/messages.js';
import { failureOf, RequestFailure, reasonOf } from './failure.js';

const answer = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'application/json' } });

describe('a failed request', () => {
  it('takes its reason from the code the server names, whatever the status', async () => {
    const failure = await failureOf(
      answer(403, JSON.stringify({ error: 'forbidden', message: 'Targets are edited by the county.' })),
    );
    expect(failure).toBeInstanceOf(RequestFailure);
    expect(failure.reason).toBe('forbidden');
    expect(failure.message).toBe('Targets are edited by the county.');
  });

  it('is internal when the answer names no code the model knows, and offline when none came', async () => {
    expect((await failureOf(answer(502, '<html>Bad gateway</html>'))).reason).toBe('internal');
    expect((await failureOf(answer(400, JSON.stringify({ error: 'badRequest' })))).reason).toBe('internal');
    expect(reasonOf(new TypeError('Failed to fetch'))).toBe('offline');
  });
});

describe('the text of a failure', () => {
  it('exists for every code in every language, and for no code the model lacks', () => {
    for (const language of languages)
      expect(Object.keys(dictionaries[language].errors).sort()).toEqual(
        [...ErrorCode.options, 'offline'].sort(),
      );
  });

  it('is the reader’s language’s sentence for the code, never the server’s message', async () => {
    const failure = await failureOf(
      answer(
        409,
        JSON.stringify({ error: 'conflict', message: 'The monitoring set has changed since version 1' }),
      ),
    );
    for (const language of languages) {
      const text = failureText(dictionaries[language], failure);
      expect(text).toBe(dictionaries[language].errors.conflict);
      expect(text).not.toContain('version 1');
    }
    expect(failureText(dictionaries.sv, 'notFound')).toBe(dictionaries.sv.errors.notFound);
    expect(failureText(dictionaries.fi, new TypeError('Failed to fetch'))).toBe(
      dictionaries.fi.errors.offline,
    );
    expect(failureText(dictionaries.fi, new SyntaxError('Unexpected token'))).toBe(
      dictionaries.fi.errors.internal,
    );
  });
});
