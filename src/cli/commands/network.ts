import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  type ClassResult,
  DecayChoice,
  defaultDecay,
  OptimisationRequest,
  type RoadNetworkSummary,
  type Scenario,
  ScenarioChange,
  ScenarioInput,
  type ScenarioResult,
  type TravelUse,
  travelTimeSourceOf,
} from '../../model/index.js';
import {
  activeRoadNetwork,
  chooseRoadNetwork,
  chosenRoadNetwork,
  compareResults,
  createScenario,
  evaluatorFor,
  findScenario,
  listRoadNetworks,
  listScenarios,
  loadNetworkData,
  resolveInput,
  resolveYears,
  setActiveRoadNetwork,
  solveForScenario,
} from '../../network/index.js';
import type { StateDb } from '../../state/index.js';
import { openStore, type Store } from '../../store/index.js';
import { interruptible, isAbort } from '../interrupt.js';
import { defaultDatabasePath } from '../paths.js';
import { progressBar } from '../progress.js';
import { openStateOf } from '../state.js';

interface Common {
  db: string;
  json: boolean;
  baseYear?: string;
  targetYear?: string;
  network?: string;
}

const year = (text: string | undefined, what: string): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1900 || value > 2100) throw new Error(`${what} must be a year`);
  return value;
};

const years = (options: Common) => ({
  baseYear: year(options.baseYear, '--base-year'),
  targetYear: year(options.targetYear, '--target-year'),
});

/** The store, and the state beside it (where scenarios and the chosen road network are kept). */
const withStore = async (path: string, work: (store: Store, state: StateDb) => Promise<void>) => {
  const store = await openStore(path);
  try {
    const state = await openStateOf(store);
    try {
      await work(store, state);
    } finally {
      await state.close();
    }
  } finally {
    store.close();
  }
};

/** The network travel times are computed on unless one is named: the county's choice, else the import's. */
const activeNetworkName = async (store: Store, state: StateDb): Promise<string | undefined> =>
  (await activeRoadNetwork(store, state))?.name;

/** Changes from a JSON file: an array of changes, or an object with a "changes" array. */
const readChanges = (path: string | undefined): ScenarioChange[] => {
  if (path === undefined) return [];
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const list = Array.isArray(parsed) ? parsed : (parsed as { changes?: unknown }).changes;
  return z.array(ScenarioChange).parse(list ?? []);
};

interface DecayOptions {
  decay?: string;
  catchment?: string;
}

/** The E2SFCA decay asked for on the command line, or the default. */
const decayOf = (options: DecayOptions) =>
  DecayChoice.parse({
    ...(options.decay !== undefined && { kind: options.decay }),
    ...(options.catchment !== undefined && { catchmentMinutes: Number(options.catchment) }),
  });

const withDecayOptions = (command: Command) =>
  command
    .option(
      '--decay <kind>',
      'distance decay of the E2SFCA supply ratio: binary, stepwise or gaussian',
      'gaussian',
    )
    .option('--catchment <minutes>', 'E2SFCA catchment in minutes', '30');

const print = (json: boolean, value: unknown, text: () => string) =>
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text()}\n`);

const fixed = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '–' : value.toFixed(digits);
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)} %`;

const classLine = (c: ClassResult) =>
  [
    c.serviceClass.padEnd(5),
    String(c.unitCount).padStart(5),
    fixed(c.meanMinutes).padStart(8),
    fixed(c.medianMinutes).padStart(8),
    fixed(c.p90Minutes).padStart(8),
    ...c.within.map((w) => percent(w.all).padStart(9)),
    Math.round(c.inPersonDemand).toString().padStart(10),
    Math.round(c.unserved).toString().padStart(9),
    Math.round(c.unreachableDemand).toString().padStart(9),
    fixed(c.supplyRatio, 2).padStart(7),
  ].join(' ');

/** Which travel times a result used, in words: never road-network times without the straight lines. */
export const travelText = (use: TravelUse, originWord = 'cells', destinationWord = 'units'): string => {
  if (use.network === null) return 'straight lines × detour factor (no road network)';
  const name = `road network "${use.network.name}" (revision ${use.network.revision}, version ${use.network.version})`;
  const off = [
    use.straightLineOrigins > 0 ? `${use.straightLineOrigins} of ${use.origins} ${originWord}` : '',
    use.straightLineDestinations > 0
      ? `${use.straightLineDestinations} of ${use.destinations} ${destinationWord}`
      : '',
  ].filter((part) => part !== '');
  const kind = travelTimeSourceOf(use);
  if (kind === 'roadNetwork') return name;
  return `${name}; STRAIGHT LINES for ${off.join(' and ')} farther than ${use.maxSnapMetres / 1000} km from it${kind === 'straightLine' ? ': no trip used the network' : ''}`;
};

const resultText = (result: ScenarioResult, only?: string) => {
  const classes = result.classes.filter((c) => only === undefined || c.serviceClass === only);
  return [
    `${result.name}: base year ${result.baseYear}, target year ${result.targetYear}; ${result.populationNote}; travel times by ${travelText(result.travel)} (no access beyond ${result.maxTravelMinutes} min); demand: ${result.demandNote}; E2SFCA ${result.decay.kind} ${result.decay.catchmentMinutes} min`,
    '',
    [
      'class',
      'units'.padStart(5),
      'mean'.padStart(8),
      'median'.padStart(8),
      'p90'.padStart(8),
      ...result.thresholds.map((t) => `≤${t} min`.padStart(9)),
      'demand'.padStart(10),
      'unserved'.padStart(9),
      'unreach.'.padStart(9),
      'E2SFCA'.padStart(7),
    ].join(' '),
    ...classes.map(classLine),
    '',
    `cost ${Math.round(result.costs.totalEuros).toLocaleString('fi-FI')} € a year, staff ${result.staffFte.toFixed(1)} FTE, evaluated in ${result.evaluationMs.toFixed(0)} ms`,
  ].join('\n');
};

const networkLine = (n: RoadNetworkSummary) =>
  [
    `${n.active ? '*' : ' '} ${n.name}`,
    `revision ${n.revision}`,
    `${Math.round(n.lengthKm)} km`,
    n.components
      ? `${n.components.count} components, largest ${percent(n.components.largestNodeShare)} of nodes`
      : 'components not counted',
    `imported ${n.importedAt.slice(0, 16)} from ${n.sourceFile}`,
  ].join(', ');

const scenarioOrBase = async (
  { store, state }: { store: Store; state: StateDb },
  id: string,
  options: Common,
): Promise<Scenario> => {
  if (id === 'base') {
    return {
      id: 'base',
      version: 1,
      name: 'base',
      description: '',
      ...(await resolveYears(store, years(options))),
      changes: [],
      thresholds: [10, 20, 30],
      decay: defaultDecay,
      roadNetwork:
        (await chooseRoadNetwork(store, options.network ?? (await activeNetworkName(store, state)))) ?? null,
      mode: 'car',
      createdAt: '',
      updatedAt: '',
    };
  }
  const found = await findScenario(state, id);
  if (!found) throw new Error(`no scenario ${id}`);
  return options.network === undefined
    ? found
    : { ...found, roadNetwork: (await chooseRoadNetwork(store, options.network)) ?? null };
};

export const registerNetwork = (program: Command): void => {
  const network = program
    .command('network')
    .description('service-network planning: travel times, access, scenarios');
  const common = (command: Command) =>
    command
      .option('--db <path>', 'the store', defaultDatabasePath)
      .option('--base-year <year>', 'the year whose open units form the network (default: latest population)')
      .option('--target-year <year>', 'the year whose population is served (default: the base year)')
      .option('--network <name>', 'the road network to compute travel times on (default: the active one)')
      .option('--json', 'print JSON', false);

  common(network.command('matrix'))
    .description('travel times from populated grid cells to the units of a service class')
    .requiredOption('--class <code>', 'service class')
    .action(async (options: Common & { class: string }) =>
      withStore(options.db, async (store, state) => {
        const started = performance.now();
        const evaluator = await evaluatorFor(store, {
          ...(await resolveYears(store, years(options))),
          roadNetwork: options.network ?? (await activeNetworkName(store, state)),
        });
        const units = evaluator.data.units.filter(
          (u) => u.inPerson && u.serviceClasses.includes(options.class),
        );
        const columns = await evaluator.columns(units);
        const { cells } = evaluator.data;
        const minutes = cells.codes.map((_, c) =>
          columns.map((column) => Math.round((column[c] as number) * 10) / 10),
        );
        const seconds = (performance.now() - started) / 1000;
        const travel = evaluator.travel.use(
          cells.codes.map((_, c) => ({ x: cells.x[c] as number, y: cells.y[c] as number })),
          units,
        );
        print(
          options.json,
          {
            method: travelTimeSourceOf(travel),
            travel,
            origins: cells.codes,
            destinations: units.map((u) => u.code),
            minutes,
            seconds,
          },
          () =>
            `${cells.codes.length} cells × ${units.length} units of ${options.class} by ${travelText(travel)} in ${seconds.toFixed(2)} s`,
        );
      }),
    );

  withDecayOptions(common(network.command('access')))
    .description(
      'travel time to the nearest unit, shares within thresholds, loads: for the base network or with changes',
    )
    .option('--class <code>', 'only this service class')
    .option('--changes <file>', 'a JSON file of changes to apply')
    .option('--scenario <id>', 'a saved scenario instead of --changes')
    .action(
      async (options: Common & DecayOptions & { class?: string; changes?: string; scenario?: string }) =>
        withStore(options.db, async (store, state) => {
          const scenario = options.scenario
            ? await scenarioOrBase({ store, state }, options.scenario, options)
            : {
                name: options.changes ? 'changes' : 'base',
                changes: readChanges(options.changes),
                thresholds: [10, 20, 30],
                decay: decayOf(options),
                ...(await resolveYears(store, years(options))),
                roadNetwork: options.network ?? (await activeNetworkName(store, state)),
              };
          const evaluator = await evaluatorFor(store, scenario);
          const result = await evaluator.evaluate(scenario);
          const shown = options.class
            ? { ...result, classes: result.classes.filter((c) => c.serviceClass === options.class) }
            : result;
          print(options.json, shown, () => resultText(result, options.class));
        }),
    );

  common(network.command('optimise').alias('optimize'))
    .description('where the units of one service class should be (p-median, covering, p-center, capacitated)')
    .requiredOption('--class <code>', 'service class')
    .option(
      '--model <model>',
      'p-median | max-covering | set-covering | p-center | capacitated-p-median | minimax-regret (base and target year) | capacitated-covering',
      'p-median',
    )
    .option('--p <n>', 'units open in all (default: as now)')
    .option('--close-count <k>', 'close k of the units open now, opening none')
    .option('--cover <minutes>', 'covering radius', '20')
    .option('--candidates <n>', 'most populated cells offered as new sites', '30')
    .option('--time-limit <seconds>', 'time budget', '10')
    .option('--scenario <id>', 'start from a saved scenario')
    .action(
      async (
        options: Common & {
          class: string;
          model: string;
          p?: string;
          closeCount?: string;
          cover: string;
          candidates: string;
          timeLimit: string;
          scenario?: string;
        },
      ) =>
        withStore(options.db, async (store, state) => {
          const request = OptimisationRequest.parse({
            serviceClass: options.class,
            model: options.model,
            ...(options.p !== undefined && { p: Number(options.p) }),
            ...(options.closeCount !== undefined && { closeCount: Number(options.closeCount) }),
            coverMinutes: Number(options.cover),
            candidateSites: Number(options.candidates),
            timeLimitSeconds: Number(options.timeLimit),
          });
          const scenario = options.scenario
            ? await scenarioOrBase({ store, state }, options.scenario, options)
            : undefined;
          const evaluator = await evaluatorFor(
            store,
            scenario ?? {
              ...(await resolveYears(store, years(options))),
              roadNetwork: options.network ?? (await activeNetworkName(store, state)),
            },
          );
          const interrupt = interruptible();
          const bar = progressBar();
          try {
            const { baseYear } = evaluator.data;
            const result = await solveForScenario(evaluator, scenario?.changes ?? [], request, {
              baseYear: () => loadNetworkData(store, { baseYear, targetYear: baseYear }),
              signal: interrupt.signal,
              onProgress: (fraction, phase) => bar.update(Math.round(fraction * 100), 100, phase),
            });
            bar.stop();
            print(options.json, result, () =>
              [
                `${request.model} for ${request.serviceClass} (${result.method}, ${result.status}): objective ${fixed(result.objective)}, bound ${fixed(result.bound)}, gap ${percent(result.gap)}`,
                `keep ${result.keep.join(', ') || '–'}`,
                `close ${result.close.join(', ') || '–'}`,
                `open at ${result.open.map((o) => o.cellCode).join(', ') || '–'}`,
                `mean travel time ${fixed(result.meanMinutes)} min by ${travelText(result.travel, 'cells', 'sites')}`,
                ...(result.exact === undefined ? [] : [result.exact ? 'proven best' : 'not proven best']),
                ...(result.scenarios ?? []).map(
                  (s) =>
                    `${s.name}: weighted travel ${fixed(s.cost)}, its best ${fixed(s.best)}, regret ${fixed(s.regret)}`,
                ),
                ...(result.loads ?? []).map(
                  (l) => `${l.site}: serves ${fixed(l.load)} of ${fixed(l.capacity)}`,
                ),
              ].join('\n'),
            );
          } catch (error) {
            bar.stop();
            if (isAbort(error)) process.exitCode = 130;
            else throw error;
          } finally {
            interrupt.dispose();
          }
        }),
    );

  const roadsCommand = (command: Command) =>
    command.option('--db <path>', 'the store', defaultDatabasePath).option('--json', 'print JSON', false);

  roadsCommand(network.command('list'))
    .description(
      'the road networks in the store; travel times use the active one unless --network names another',
    )
    .action(async (options: { db: string; json: boolean }) =>
      withStore(options.db, async (store, state) => {
        const networks = await listRoadNetworks(store, await chosenRoadNetwork(state));
        print(options.json, networks, () =>
          networks.length === 0
            ? 'no road networks: import one with soteatlas import-roads'
            : networks.map(networkLine).join('\n'),
        );
      }),
    );

  roadsCommand(network.command('use'))
    .description(
      'make a road network the active one: travel times are computed on it unless another is named',
    )
    .argument('<name>')
    .action(async (name: string, options: { db: string; json: boolean }) =>
      withStore(options.db, async (store, state) => {
        const chosen = await setActiveRoadNetwork(store, state, name);
        print(options.json, chosen, () => `active road network: ${networkLine(chosen)}`);
      }),
    );

  const scenario = network.command('scenario').description('saved, versioned scenarios');

  withDecayOptions(common(scenario.command('create')))
    .description('save a scenario: a name and changes (a JSON file) to the base network')
    .requiredOption('--name <name>', 'scenario name')
    .option('--description <text>', 'what it is for', '')
    .option('--changes <file>', 'a JSON file of changes')
    .action(
      async (options: Common & DecayOptions & { name: string; description: string; changes?: string }) =>
        withStore(options.db, async (store, state) => {
          const input = ScenarioInput.parse({
            name: options.name,
            description: options.description,
            changes: readChanges(options.changes),
            decay: decayOf(options),
            roadNetwork: options.network ?? (await activeNetworkName(store, state)),
            ...Object.fromEntries(Object.entries(years(options)).filter(([, v]) => v !== undefined)),
          });
          const saved = await createScenario(state, await resolveInput(store, input));
          print(
            options.json,
            saved,
            () =>
              `${saved.id} ${saved.name} (version ${saved.version}, ${saved.changes.length} changes, road network ${saved.roadNetwork ? `"${saved.roadNetwork.name}" revision ${saved.roadNetwork.revision}` : 'none'})`,
          );
        }),
    );

  common(scenario.command('list'))
    .description('the saved scenarios')
    .action(async (options: Common) =>
      withStore(options.db, async (_store, state) => {
        const list = await listScenarios(state);
        print(options.json, list, () =>
          list.length === 0
            ? 'no scenarios'
            : list
                .map(
                  (s) =>
                    `${s.id} ${s.name} (version ${s.version}, target ${s.targetYear}, road network ${s.roadNetwork ? `"${s.roadNetwork.name}" revision ${s.roadNetwork.revision}` : 'the active one'})`,
                )
                .join('\n'),
        );
      }),
    );

  common(scenario.command('evaluate'))
    .description('the results of a saved scenario ("base": the network without changes)')
    .argument('<id>')
    .option('--class <code>', 'only this service class in the text output')
    .action(async (id: string, options: Common & { class?: string }) =>
      withStore(options.db, async (store, state) => {
        const found = await scenarioOrBase({ store, state }, id, options);
        const result = await (await evaluatorFor(store, found)).evaluate(found);
        print(options.json, result, () => resultText(result, options.class));
      }),
    );

  common(scenario.command('compare'))
    .description('two or more scenarios side by side, with differences from the first')
    .argument('<ids...>')
    .action(async (ids: string[], options: Common) =>
      withStore(options.db, async (store, state) => {
        if (ids.length < 2) throw new Error('compare needs at least two scenarios');
        const results = [];
        for (const id of ids) {
          const found = await scenarioOrBase({ store, state }, id, options);
          results.push(await (await evaluatorFor(store, found)).evaluate(found));
        }
        const comparison = compareResults(results);
        print(options.json, comparison, () =>
          [
            ['measure'.padEnd(34), ...comparison.scenarios.map((s) => s.name.slice(0, 18).padStart(18))].join(
              ' ',
            ),
            ...comparison.rows
              .filter((row) => row.serviceClass === null || row.serviceClass === 'HC')
              .map((row) =>
                [
                  `${row.serviceClass ? `${row.serviceClass} ` : ''}${row.metric}`.padEnd(34),
                  ...row.values.map((v, i) => {
                    const d = row.differences[i];
                    const shown = v === null ? '–' : row.unit === 'share' ? percent(v) : fixed(v);
                    return (
                      i > 0 && d !== null && d !== undefined && Math.abs(d) > 1e-9
                        ? `${shown} (${d > 0 ? '+' : ''}${row.unit === 'share' ? (d * 100).toFixed(1) : d.toFixed(1)})`
                        : shown
                    ).padStart(18);
                  }),
                ].join(' '),
              ),
          ].join('\n'),
        );
      }),
    );
};
