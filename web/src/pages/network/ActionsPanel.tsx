import { useId, useMemo, useState } from 'react';
import type { ScenarioActions } from '../../../../src/model/index.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { actionsMessages } from './actions-messages.js';
import { actionsAsPlainText, actionText } from './actions-text.js';
import { useLivePost, type WorkingScenario, workingFields } from './api.js';
import { useFormats } from './format.js';

/** The working changes as actions a steering group decides, each with its effects in words. */
export const ActionsPanel = ({
  working,
  className,
}: {
  working: WorkingScenario;
  className: (code: string) => string;
}) => {
  const text = usePageMessages(actionsMessages);
  const { t, language } = useI18n();
  const format = useFormats();
  const limitId = useId();
  const [limit, setLimit] = useState(30);
  const { data, error, updating } = useLivePost<ScenarioActions>(
    '/api/network/actions',
    working.changes.length === 0
      ? null
      : {
          limitMinutes: limit,
          ...workingFields(working),
        },
  );
  const texts = useMemo(
    () =>
      data?.actions.map((action) =>
        actionText(action, {
          text,
          format,
          className,
          municipalityName: (m) => (language === 'sv' && m.nameSv ? m.nameSv : m.name),
          limitMinutes: data.limitMinutes,
          maxTravelMinutes: data.maxTravelMinutes,
        }),
      ) ?? [],
    [data, text, format, className, language],
  );
  const download = useMemo(() => {
    if (texts.length === 0) return null;
    const plain = actionsAsPlainText(text.fileTitle, texts);
    return `data:text/plain;charset=utf-8,${encodeURIComponent(plain)}`;
  }, [texts, text.fileTitle]);

  if (working.changes.length === 0) return <p className="hint">{text.none}</p>;
  return (
    <div className="network-actions" aria-busy={updating}>
      <p className="hint">{text.hint}</p>
      <label htmlFor={limitId}>{text.limit}</label>{' '}
      <input
        id={limitId}
        type="number"
        min={1}
        max={600}
        value={limit}
        onChange={(event) => {
          const value = Number(event.target.value);
          if (value >= 1 && value <= 600) setLimit(value);
        }}
      />
      {data ? (
        <>
          <ol className="action-list">
            {texts.map((action, i) => (
              <li key={data.actions[i]?.changeIndexes.join('-') ?? i}>
                <h3>{action.title}</h3>
                {action.classes.map((c) => (
                  <p key={c.serviceClass}>
                    <strong>{c.name}:</strong> {c.sentences.join(' ')}
                  </p>
                ))}
              </li>
            ))}
          </ol>
          {data.unexplained
            .filter((u) => u.residents !== 0)
            .map((u) => (
              <p key={u.serviceClass} className="hint">
                {text.unexplained(
                  className(u.serviceClass),
                  u.residents === null ? text.withheld : format.whole(u.residents),
                )}
              </p>
            ))}
          {download && (
            <a className="button" href={download} download={`${text.fileTitle}.txt`}>
              {text.download}
            </a>
          )}
        </>
      ) : (
        <p className="status" role={error ? 'alert' : 'status'}>
          {error ? t.status.failed(failureText(t, error)) : text.loading}
        </p>
      )}
    </div>
  );
};
