import { useI18n } from '../i18n/I18nProvider.js';

/**
 * A count that small-number protection may have hidden. A hidden count is not zero and must not look like
 * one: it shows "<5" and tells screen readers why; a table with one carries the suppression note.
 */
export const Count = ({
  value,
  suppressed = false,
}: {
  value: number | null;
  suppressed?: boolean | undefined;
}) => {
  const { t, number } = useI18n();
  if (value !== null) return <>{number(value)}</>;
  const [marker, label, className] = suppressed
    ? ['<5', t.status.suppressedLabel, 'suppressed']
    : ['–', t.status.notAvailable, 'not-available'];
  return (
    <span className={className}>
      <span aria-hidden="true">{marker}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
};

export const SuppressionNote = () => {
  const { t } = useI18n();
  return <p className="table-note">{t.status.suppressedNote}</p>;
};
