import type { CalendarItem, ProcurementCalendar, SteeringConfig } from '../model/index.js';
import { tenderLeadMonths } from './config.js';
import type { ContractFact } from './facts.js';

const addMonths = (day: string, months: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
};

/**
 * Contracts ending, options to decide and tenders to start preparing, from `asOf` on. An item due within
 * `withinMonths` is a warning when nothing is planned: no tender preparation and no open option that
 * could extend the contract.
 */
export const procurementCalendar = (
  contracts: readonly ContractFact[],
  { asOf, withinMonths, config }: { asOf: string; withinMonths: number; config: SteeringConfig },
): ProcurementCalendar => {
  const horizon = addMonths(asOf, withinMonths);
  const warnHorizon = addMonths(asOf, config.horizonMonths);
  const items: CalendarItem[] = [];
  for (const c of contracts) {
    const openOptions = c.options.filter((o) => o.decision === 'open');
    const exercised = c.options.filter((o) => o.decision === 'exercised').map((o) => o.extendsTo);
    const ends = [c.validTo, ...exercised].sort().at(-1) ?? c.validTo;
    const planned = c.tenderPlannedFrom !== null || openOptions.length > 0;
    const base = { contractCode: c.code, producerCode: c.producerCode, serviceClasses: c.serviceClasses };
    items.push({
      ...base,
      date: ends,
      kind: 'contractEnds',
      title: c.name,
      nothingPlanned: !planned && ends <= warnHorizon,
    });
    for (const o of openOptions)
      items.push({
        ...base,
        date: o.decideBy,
        kind: 'optionDecision',
        title: `${c.name}: ${o.optionNumber}`,
        nothingPlanned: false,
      });
    const lead = Math.max(...c.serviceClasses.map((k) => tenderLeadMonths(config, k)));
    const prepare = c.tenderPlannedFrom ?? addMonths(ends, -lead);
    items.push({
      ...base,
      date: prepare,
      kind: 'tenderPreparation',
      title: c.name,
      nothingPlanned: c.tenderPlannedFrom === null && openOptions.length === 0 && prepare <= warnHorizon,
    });
  }
  const inView = items
    .filter((i) => i.date <= horizon && (i.date >= asOf || i.nothingPlanned || i.kind === 'optionDecision'))
    .sort((a, b) => a.date.localeCompare(b.date) || a.contractCode.localeCompare(b.contractCode));
  return {
    asOf,
    withinMonths,
    items: inView,
    warnings: items.filter((i) => i.nothingPlanned).sort((a, b) => a.date.localeCompare(b.date)),
  };
};

const icsText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');

/** The calendar as an iCalendar feed (RFC 5545): one all-day event per item, stable ids. */
export const calendarIcs = (
  calendar: ProcurementCalendar,
  names: Record<CalendarItem['kind'], string>,
): string => {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Soteatlas//Procurement calendar//EN',
    'CALSCALE:GREGORIAN',
  ];
  for (const item of calendar.items) {
    const day = item.date.replace(/-/g, '');
    const next = new Date(`${item.date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${item.kind}-${item.contractCode}-${day}@soteatlas`,
      `DTSTAMP:${calendar.asOf.replace(/-/g, '')}T000000Z`,
      `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, '')}`,
      `SUMMARY:${icsText(`${names[item.kind]}: ${item.title}`)}`,
      `DESCRIPTION:${icsText(`${item.producerCode} ${item.serviceClasses.join(' ')}${item.nothingPlanned ? ' !' : ''}`)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
};
