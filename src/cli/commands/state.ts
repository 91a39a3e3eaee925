import type { Command } from 'commander';
import { setUpPostgres } from '../../state/index.js';

export const registerState = (program: Command): void => {
  const state = program
    .command('state')
    .description('the state on PostgreSQL: users, sessions, audit log, edits');
  state
    .command('setup')
    .description(
      'make the owner role (owns the schema, runs migrations) and the application role (reads and writes rows of its county only); run again after an upgrade',
    )
    .requiredOption(
      '--admin-url <url>',
      'a PostgreSQL role that may create roles, e.g. postgres://postgres@db/soteatlas',
    )
    .requiredOption('--app-role <name>', 'the role the servers connect as (--state postgres://NAME@…)')
    .option('--owner-role <name>', 'the role that owns the schema', 'soteatlas_owner')
    .option('--json', 'print JSON', false)
    .action(async (options: { adminUrl: string; appRole: string; ownerRole: string; json: boolean }) => {
      const grants = await setUpPostgres({
        adminUrl: options.adminUrl,
        appRole: options.appRole,
        ownerRole: options.ownerRole,
      });
      const lines = grants.map(
        (g) =>
          `${g.table.padEnd(28)} ${g.privileges.join(', ').padEnd(30)} ${g.rowLevelSecurity ? 'rows of its county only' : ''}`,
      );
      process.stdout.write(
        options.json
          ? `${JSON.stringify(grants)}\n`
          : `The schema state is owned by ${options.ownerRole}; ${options.appRole} may:\n${lines.join('\n')}\n`,
      );
    });
};
