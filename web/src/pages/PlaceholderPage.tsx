import { useI18n } from '../i18n/I18nProvider.js';
import { PageHeading } from '../layout/PageHeading.js';
import { AppLink } from '../routing/AppLink.js';

/** A capability still to be built: what it will do, so that users can see where the product is going. */
export const PlaceholderPage = ({ page }: { page: 'producers' | 'programme' }) => {
  const { t } = useI18n();
  const { lead, planned } = t.pages[page];
  return (
    <>
      <PageHeading>{t.nav[page]}</PageHeading>
      <p className="lead">{lead}</p>
      <section className="card" aria-labelledby="coming-title">
        <h2 id="coming-title">{t.placeholder.comingTitle}</h2>
        <ul className="planned">
          {planned.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p>
          {t.placeholder.note} <AppLink page="data">{t.placeholder.dataLink}</AppLink>
        </p>
      </section>
    </>
  );
};
