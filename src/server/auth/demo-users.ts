import { demoProducerNames } from '../../demo/index.js';
import type { DemoUser, Role } from '../../model/index.js';

const roleNames: readonly [Role, string][] = [
  ['analyst', 'Anna Analyytikko'],
  ['manager', 'Matti Johtaja'],
  ['planner', 'Pirjo Suunnittelija'],
  ['steering', 'Sanna Ohjausryhmä'],
  ['auditor', 'Aki Auditoija'],
  ['administrator', 'Ylva Ylläpitäjä'],
];

/** The demo's people: one for each role, and one for each of the demo county's producers. */
export const demoUsers: readonly DemoUser[] = [
  ...roleNames.map(([role, name]) => ({ id: role, name, roles: [role] })),
  ...demoProducerNames.map(({ code, name }) => ({
    id: `producer-${code.toLowerCase()}`,
    name,
    roles: ['producer' as const],
    producerCode: code,
  })),
];
