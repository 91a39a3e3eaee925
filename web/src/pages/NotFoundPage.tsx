import { useI18n } from '../i18n/I18nProvider.js';
import { PageHeading } from '../layout/PageHeading.js';

export const NotFoundPage = () => {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t.notFound.title}</PageHeading>
      <p className="lead">{t.notFound.text}</p>
    </>
  );
};
