import type { ProjectView } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { programmeMessages } from './messages.js';

const scale = [1, 2, 3, 4, 5] as const;

/** Low (1–4), medium (5–9), high (10–14), critical (15–25): the usual bands of a 5×5 matrix. */
const bandOf = (score: number) =>
  score >= 15 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low';

/**
 * The 5×5 risk matrix as a table: likelihood down (5 at the top), impact across; each cell names the
 * projects whose risks fall in it, so it reads cell by cell without colour. The risks follow as a list.
 */
export const RiskMatrix = ({ projects }: { projects: readonly ProjectView[] }) => {
  const text = usePageMessages(programmeMessages);
  const { language } = useI18n();
  const risks = projects.flatMap((p) => p.risks.map((r) => ({ ...r, code: p.code })));
  const inCell = (likelihood: number, impact: number) =>
    risks.filter((r) => r.likelihood === likelihood && r.impact === impact);
  const sorted = [...risks].sort((a, b) => b.likelihood * b.impact - a.likelihood * a.impact);
  return (
    <section className="card" aria-labelledby="risks-title">
      <h2 id="risks-title">{text.risks}</h2>
      <table className="risk-matrix data-table">
        <caption>{text.riskCaption}</caption>
        <thead>
          <tr>
            <td />
            {scale.map((impact) => (
              <th key={impact} scope="col">
                {`${text.columns.impact} ${impact}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...scale].reverse().map((likelihood) => (
            <tr key={likelihood}>
              <th scope="row">{`${text.columns.likelihood} ${likelihood}`}</th>
              {scale.map((impact) => {
                const here = inCell(likelihood, impact);
                return (
                  <td key={impact} className={`risk-cell risk-cell--${bandOf(likelihood * impact)}`}>
                    <span className="visually-hidden">{text.riskCell(likelihood, impact, here.length)}</span>
                    <span aria-hidden="true">{here.map((r) => r.code).join(' ')}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{text.riskList}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{text.columns.project}</th>
              <th scope="col">{text.columns.risk}</th>
              <th scope="col" className="num">
                {text.columns.likelihood}
              </th>
              <th scope="col" className="num">
                {text.columns.impact}
              </th>
              <th scope="col">{text.columns.mitigation}</th>
              <th scope="col">{text.columns.owner}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={`${r.code}-${r.title}`}>
                <th scope="row">
                  {r.code} {projects.find((p) => p.code === r.code)?.names?.[language] ?? ''}
                </th>
                <td>{r.title}</td>
                <td className="num">{r.likelihood}</td>
                <td className="num">{r.impact}</td>
                <td>{r.mitigation}</td>
                <td>{r.owner}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
};
