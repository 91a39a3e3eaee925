import type { PageId } from '../routing/pages.js';
import { DataPage } from './data/DataPage.js';
import { ForecastPage } from './forecast/ForecastPage.js';
import { IndicatorsPage } from './indicators/IndicatorsPage.js';
import { NotFoundPage } from './NotFoundPage.js';
import { NetworkPage } from './network/NetworkPage.js';
import { OverviewPage } from './overview/OverviewPage.js';
import { PlaceholderPage } from './PlaceholderPage.js';

export const PageView = ({ page }: { page: PageId | undefined }) => {
  if (page === undefined) return <NotFoundPage />;
  if (page === 'data') return <DataPage />;
  if (page === 'forecast') return <ForecastPage />;
  if (page === 'indicators') return <IndicatorsPage />;
  if (page === 'network') return <NetworkPage />;
  if (page === 'overview') return <OverviewPage />;
  return <PlaceholderPage page={page} />;
};
