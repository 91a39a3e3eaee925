import { Loaded } from '../../components/Loaded.js';
import { formatDate } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useChainVersions } from './api.js';
import type { ChainMessages } from './messages.js';

/** Every version of a chain, newest first: who saved it and when; the shipped version 1 says so. */
export const VersionHistory = ({ id, text }: { id: string; text: ChainMessages }) => {
  const { language } = useI18n();
  const versions = useChainVersions(id);
  const h = text.history;
  return (
    <section aria-labelledby="chain-history">
      <h2 id="chain-history">{h.title}</h2>
      <Loaded state={versions}>
        {(list) => (
          <table className="chain-history">
            <thead>
              <tr>
                <th scope="col">{h.version}</th>
                <th scope="col">{h.savedAt}</th>
                <th scope="col">{h.savedBy}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((v) => (
                <tr key={v.version}>
                  <th scope="row">{v.version}</th>
                  <td>
                    {v.savedAt === null
                      ? h.shipped
                      : `${formatDate(language, v.savedAt.slice(0, 10))} ${v.savedAt.slice(11, 16)}`}
                  </td>
                  <td>{v.savedAt === null ? '–' : (v.savedBy ?? h.unknownUser)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
};
