import { mayOpen, type RouteId } from '../routing/pages.js';
import { useSession } from '../session/SessionProvider.js';
import { AuditPage } from './audit/AuditPage.js';
import { DataPage } from './data/DataPage.js';
import { ForecastPage } from './forecast/ForecastPage.js';
import { IndicatorsPage } from './indicators/IndicatorsPage.js';
import { NoAccessPage } from './NoAccessPage.js';
import { NotFoundPage } from './NotFoundPage.js';
import { NetworkPage } from './network/NetworkPage.js';
import { OverviewPage } from './overview/OverviewPage.js';
import { PlaceholderPage } from './PlaceholderPage.js';
import { SignInPage } from './signin/SignInPage.js';
import { UsersPage } from './users/UsersPage.js';

export const PageView = ({ page }: { page: RouteId | undefined }) => {
  const { session } = useSession();
  if (page === undefined) return <NotFoundPage />;
  if (page === 'signin') return <SignInPage />;
  if (!mayOpen(page, session.permissions)) return <NoAccessPage />;
  if (page === 'audit') return <AuditPage />;
  if (page === 'data') return <DataPage />;
  if (page === 'forecast') return <ForecastPage />;
  if (page === 'indicators') return <IndicatorsPage />;
  if (page === 'network') return <NetworkPage />;
  if (page === 'overview') return <OverviewPage />;
  if (page === 'users') return <UsersPage />;
  return <PlaceholderPage page={page} />;
};
