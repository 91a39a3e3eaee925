import type { Migration } from './migration.js';

export const stateSchema: Migration = {
  version: 1,
  name: 'the state schema',
  statements: () => ['CREATE SCHEMA IF NOT EXISTS state'],
};
