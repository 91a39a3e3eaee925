import { combine } from '../../api/combine.js';
import { useAreas, useServiceClasses } from '../../api/endpoints.js';
import { Loaded } from '../../components/Loaded.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { useForecastVariants } from './api.js';
import { ForecastWorkspace } from './ForecastWorkspace.js';
import './forecast.css';

/** The population projection and the service demand it implies, for an area and a year. */
export const ForecastPage = () => {
  const { t } = useI18n();
  const counties = useAreas('county');
  const municipalities = useAreas('municipality');
  const variants = useForecastVariants();
  const serviceClasses = useServiceClasses();
  return (
    <>
      <PageHeading>{t.nav.forecast}</PageHeading>
      <p className="lead">{t.pages.forecast.lead}</p>
      <Loaded state={combine(counties, municipalities, variants, serviceClasses)}>
        {([countyList, municipalityList, variantList, classList]) => (
          <ForecastWorkspace
            counties={countyList.areas}
            municipalities={municipalityList.areas}
            variants={variantList.variants}
            serviceClasses={classList}
          />
        )}
      </Loaded>
    </>
  );
};
