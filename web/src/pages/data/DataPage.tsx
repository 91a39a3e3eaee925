import { combine } from '../../api/combine.js';
import {
  useAreaShapes,
  useAreas,
  useImports,
  useServiceClasses,
  useStatus,
  useUnitPoints,
  useUnits,
} from '../../api/endpoints.js';
import { Loaded } from '../../components/Loaded.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { useCan } from '../../session/SessionProvider.js';
import { CountyData } from './CountyData.js';
import { ImportHistory } from './ImportHistory.js';
import { RejectSample } from './RejectSample.js';
import { Section } from './Section.js';
import { StoreSummary } from './StoreSummary.js';
import { SourcesSection } from './sources/SourcesSection.js';

/** What the store holds and where it came from: the analyst's check that an import did what it should. */
export const DataPage = () => {
  const { t } = useI18n();
  const status = useStatus();
  const mayImport = useCan('import');
  const imports = useImports(mayImport);
  const areas = useAreas('municipality');
  const shapes = useAreaShapes('municipality');
  const units = useUnits();
  const points = useUnitPoints();
  const serviceClasses = useServiceClasses();

  return (
    <>
      <PageHeading>{t.data.title}</PageHeading>
      <p className="lead">{t.data.lead}</p>
      <Section id="summary" title={t.data.summary.title}>
        <Loaded state={status}>{(data) => <StoreSummary status={data} />}</Loaded>
      </Section>
      {mayImport && (
        <Section id="import-history" title={t.data.imports.title}>
          <Loaded state={imports}>
            {(data) => (
              <>
                <ImportHistory imports={data} />
                <RejectSample imports={data} />
              </>
            )}
          </Loaded>
        </Section>
      )}
      <SourcesSection mayImport={mayImport} />
      <Loaded state={combine(areas, units, shapes, points, serviceClasses)}>
        {([areaList, unitList, shapeCollection, pointCollection, classList]) => (
          <CountyData
            areas={areaList}
            units={unitList}
            shapes={shapeCollection}
            points={pointCollection}
            serviceClasses={classList}
          />
        )}
      </Loaded>
    </>
  );
};
