import { type FailureReason, reasonOf } from '../api/failure.js';
import { useI18n } from './I18nProvider.js';
import type { Messages } from './messages.js';

const isReason = (t: Messages, value: unknown): value is FailureReason =>
  typeof value === 'string' && Object.hasOwn(t.errors, value);

/**
 * What a reader is told about a failed request, in their language: the text of its code (a reason, or
 * whatever a request threw). Every page says why a request failed through this, so that the server's
 * English message never reaches the screen.
 */
export const failureText = (t: Messages, failure: unknown): string =>
  t.errors[isReason(t, failure) ? failure : reasonOf(failure)];

export const useFailureText = (): ((failure: unknown) => string) => {
  const { t } = useI18n();
  return (failure) => failureText(t, failure);
};
