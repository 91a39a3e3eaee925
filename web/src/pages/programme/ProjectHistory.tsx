import { Loaded } from '../../components/Loaded.js';
import { formatDate } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useProjectVersions } from './api.js';
import { programmeMessages } from './messages.js';

/** Every saved version of a project, newest first: who saved it and when. */
export const ProjectHistory = ({ code, version }: { code: string; version: number }) => {
  const text = usePageMessages(programmeMessages);
  const { language } = useI18n();
  const versions = useProjectVersions(code, version);
  return (
    <details className="project-history">
      <summary>{text.form.history}</summary>
      <Loaded state={versions}>
        {(list) => (
          <table className="data-table">
            <caption className="visually-hidden">{`${text.form.history}: ${code}`}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {text.form.versionColumn}
                </th>
                <th scope="col">{text.form.savedAt}</th>
                <th scope="col">{text.form.savedBy}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((v) => (
                <tr key={v.version}>
                  <th scope="row" className="num">
                    {v.version}
                  </th>
                  <td>{`${formatDate(language, v.savedAt.slice(0, 10))} ${v.savedAt.slice(11, 16)}`}</td>
                  <td>{v.savedBy ?? text.form.unknownUser}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </details>
  );
};
