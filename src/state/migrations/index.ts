import { stateSchema } from './001-state.js';
import { users } from './002-users.js';
import { sessions } from './003-sessions.js';
import { audit } from './004-audit.js';
import { editedContent } from './005-edited-content.js';
import { programme } from './006-programme.js';
import { chains } from './007-chains.js';
import { contracts } from './008-contracts.js';
import { forecastImprovement } from './009-forecast-improvement.js';
import { supervision } from './010-supervision.js';
import { steeringRecords } from './011-steering-records.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every step of the state's schema, in order. */
export const migrations: readonly Migration[] = [
  stateSchema,
  users,
  sessions,
  audit,
  editedContent,
  programme,
  chains,
  contracts,
  forecastImprovement,
  supervision,
  steeringRecords,
];
