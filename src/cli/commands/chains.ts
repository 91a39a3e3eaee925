import type { Command } from 'commander';
import { computeChain, listChains } from '../../chains/index.js';
import {
  ChainBreakdown,
  type ChainCount,
  type ChainResult,
  Role,
  type Viewer,
  viewerWithRoles,
} from '../../model/index.js';
import { openStore, type Store } from '../../store/index.js';
import { defaultDatabasePath } from '../paths.js';
import { openStateOf } from '../state.js';
import { withheldLegend } from '../withheld-legend.js';

export interface ChainsComputeOptions {
  db: string;
  state?: string;
  chain: string;
  period: string;
  by?: string;
  role: string;
  producer?: string;
  json: boolean;
}

const shown = (c: ChainCount): string =>
  c.suppressed ? '<5' : c.value === null ? '–' : c.value.toLocaleString('fi-FI');

/** The chain's figures as the terminal prints them: the funnel, times and leavers, then by group. */
export const formatChainResult = (result: ChainResult): string => {
  const lines = [
    `${result.chainId} v${result.version}, ${result.period}${result.suppressed ? ' (small counts withheld)' : ''}`,
  ];
  const block = (label: string, g: ChainResult['total']) => {
    lines.push(
      '',
      `${label}: entered ${shown(g.entered)}, returns within the return rule ${shown(g.returns)}, cost per client ${g.costPerClient === null ? '–' : `${Math.round(g.costPerClient)} €`}`,
    );
    for (const s of g.steps) {
      const share = s.share === null ? '' : ` (${(s.share * 100).toFixed(1)} %)`;
      const times = s.daysToNext
        ? `; to next: median ${s.daysToNext.median.value ?? '–'} d [${s.daysToNext.median.lower ?? '–'}–${s.daysToNext.median.upper ?? '–'}], P90 ${s.daysToNext.p90.value ?? '–'} d; handovers ${shown(s.handoversToNext ?? { value: null, suppressed: false })}`
        : '';
      lines.push(
        `  ${s.step.padEnd(20)} reached ${shown(s.reached).padStart(8)}${share}, left here ${shown(s.left)}${times}`,
      );
    }
  };
  block('All', result.total);
  for (const g of result.groups) block(`${result.by} ${g.category || '(none)'}`, g);
  if (result.suppressed) lines.push('', withheldLegend('clients'));
  return `${lines.join('\n')}\n`;
};

/** `soteatlas chains compute`, callable in-process: the figures as text or JSON. */
export const chainsCompute = async (store: Store, options: ChainsComputeOptions): Promise<string> => {
  const state = await openStateOf(store, options.state);
  try {
    const chain = (await listChains(state)).find((c) => c.definition.id === options.chain);
    if (!chain) throw new Error(`no chain ${options.chain}; \`soteatlas chains list\` lists them`);
    const year = Number(options.period);
    if (!/^\d{4}$/.test(options.period))
      throw new Error(`--period takes a year (YYYY), not "${options.period}"`);
    const by = options.by === undefined ? undefined : ChainBreakdown.parse(options.by);
    const viewer: Viewer = viewerWithRoles(
      [Role.parse(options.role)],
      options.producer ? { producerCode: options.producer } : {},
    );
    const result = await computeChain(store, chain.definition, year, { viewer, by, version: chain.version });
    return options.json ? `${JSON.stringify(result)}\n` : formatChainResult(result);
  } finally {
    await state.close();
  }
};

/** `soteatlas chains list`, callable in-process. */
export const chainsList = async (
  store: Store,
  options: { state?: string; json: boolean },
): Promise<string> => {
  const state = await openStateOf(store, options.state);
  try {
    const chains = await listChains(state);
    if (options.json) return `${JSON.stringify(chains)}\n`;
    return chains
      .map(
        (c) =>
          `${c.definition.id.padEnd(32)} v${c.version}${c.shipped ? '' : ' (own)'}  ${c.definition.steps.map((s) => s.code).join(' → ')}  ${c.definition.nameFi}\n`,
      )
      .join('');
  } finally {
    await state.close();
  }
};

/**
 * `soteatlas chains list` and `soteatlas chains compute --chain ID --period YYYY [--by …]`. Whoever holds
 * the store file is an analyst, so figures are unsuppressed unless `--role` says otherwise.
 */
export const registerChains = (program: Command): void => {
  const chains = program
    .command('chains')
    .description('service chains: list them, or compute one for a year');
  chains
    .command('list')
    .description('the chains in force, with their versions and steps')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--state <url>', 'the state on PostgreSQL (default: inside the store)')
    .option('--json', 'print JSON', false)
    .action(async (options: { db: string; state?: string; json: boolean }) => {
      const store = await openStore(options.db);
      try {
        process.stdout.write(await chainsList(store, options));
      } finally {
        store.close();
      }
    });
  chains
    .command('compute')
    .description('one chain for one year: funnel, times between steps, handovers, returns, cost')
    .requiredOption('--chain <id>', 'the chain')
    .requiredOption('--period <year>', 'the year clients entered (YYYY)')
    .option('--by <dimension>', 'municipality, ageBand, sex or producer (of the first step)')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--state <url>', 'the state on PostgreSQL (default: inside the store)')
    .option(
      '--role <role>',
      'show the figures as this viewer sees them (suppressed for all but analyst)',
      'analyst',
    )
    .option('--producer <code>', 'with --role producer: the producer')
    .option('--json', 'print JSON', false)
    .action(async (options: ChainsComputeOptions) => {
      const store = await openStore(options.db);
      try {
        process.stdout.write(await chainsCompute(store, options));
      } finally {
        store.close();
      }
    });
};
