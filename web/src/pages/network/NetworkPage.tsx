import { useServiceClasses } from '../../api/endpoints.js';
import { Loaded } from '../../components/Loaded.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { networkMessages } from './messages.js';
import { NetworkWorkspace } from './NetworkWorkspace.js';
import './network.css';

/** Service-network planning: try changes to the network and see travel times, loads and costs at once. */
export const NetworkPage = () => {
  const text = usePageMessages(networkMessages);
  const serviceClasses = useServiceClasses();
  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <p className="lead">{text.lead}</p>
      <Loaded state={serviceClasses}>{(list) => <NetworkWorkspace serviceClasses={list} />}</Loaded>
    </>
  );
};
