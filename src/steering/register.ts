import { type ProducerFlag, type RegisterEntry, type SteeringConfig, toWgs84 } from '../model/index.js';
import type { Store } from '../store/index.js';
import { loadSteeringConfig } from './config.js';
import { type ContractFact, loadContracts, loadProducers, steeringDay } from './facts.js';
import { type FindingFact, isOverdue, loadFindings } from './quality-facts.js';
import { type BillingEdits, reconcilePeriod } from './reconcile-period.js';
import { optionsDue, producerScorecard } from './scorecard.js';

/**
 * Every producer (or one) with its kind, business id, contracts, units and status flags. The flags are
 * those of the last full year of data: volumes against bounds, billing, overdue actions, options due.
 */
export const producerRegister = async (
  store: Store,
  {
    producerCode,
    config = loadSteeringConfig(),
    contracts: inForce,
    findings: findingsInForce,
    ...billing
  }: BillingEdits & {
    producerCode?: string;
    config?: SteeringConfig;
    /** The contracts in force with their edits; those imported into the store when absent. */
    contracts?: readonly ContractFact[];
    /** The findings with their saved action states; those imported into the store when absent. */
    findings?: readonly FindingFact[];
  } = {},
): Promise<RegisterEntry[]> => {
  const producers = await loadProducers(store, producerCode);
  const contracts = inForce
    ? inForce.filter((c) => producerCode === undefined || c.producerCode === producerCode)
    : await loadContracts(store, producerCode);
  const asOf = await steeringDay(store);
  const year = String(Number(asOf.slice(0, 4)) - (asOf.slice(5) === '01-01' ? 1 : 0));
  const units = await store.all<Record<string, unknown>>(
    'SELECT code, name, producer_code, municipality_code, x, y FROM units ORDER BY code',
  );
  const reconciliation = await reconcilePeriod(store, {
    period: year,
    ...billing,
    ...(producerCode ? { producerCode } : {}),
    ...(inForce ? { contracts: inForce } : {}),
  });
  const findings = findingsInForce ?? (await loadFindings(store, producerCode));
  const entries: RegisterEntry[] = [];
  for (const p of producers) {
    const mine = contracts.filter((c) => c.producerCode === p.code);
    const flags = new Set<ProducerFlag>();
    if (reconciliation.lines.some((l) => l.producerCode === p.code && l.differenceCents !== 0))
      flags.add('billingDifference');
    if (findings.some((f) => f.producerCode === p.code && isOverdue(f, asOf))) flags.add('overdueAction');
    if (mine.some((c) => optionsDue(c, asOf, config).length > 0)) flags.add('optionDue');
    if (mine.length > 0) {
      const card = await producerScorecard(store, {
        producerCode: p.code,
        period: year,
        unsuppressed: true,
        asOf,
        config,
        ...billing,
        ...(inForce ? { contracts: inForce } : {}),
        findings,
      });
      for (const flag of card.flags) if (flag === 'overCeiling' || flag === 'underFloor') flags.add(flag);
    }
    entries.push({
      ...p,
      contracts: mine.map((c) => ({ code: c.code, name: c.name, validTo: c.validTo })),
      units: units
        .filter((u) => u.producer_code === p.code)
        .map((u) => {
          const { lon, lat } = toWgs84(Number(u.x), Number(u.y));
          return {
            code: String(u.code),
            name: String(u.name),
            municipalityCode: String(u.municipality_code),
            lon,
            lat,
          };
        }),
      flags: [...flags],
    });
  }
  return entries;
};
