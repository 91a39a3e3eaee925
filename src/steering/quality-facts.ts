import type { FindingView, SteeringConfig } from '../model/index.js';
import type { Store } from '../store/index.js';

export interface WaitingFact {
  producerCode: string;
  serviceClass: string;
  /** Events with a first contact date. */
  count: number;
  within: number;
  medianDays: number | null;
}

export interface ActivityFact {
  producerCode: string;
  events: number;
  complete: number;
  visits: number;
}

const limitsSql = (config: SteeringConfig) => {
  const entries = Object.entries(config.careGuaranteeDays);
  return entries.length === 0
    ? `(SELECT NULL::VARCHAR AS service_class, NULL::INTEGER AS limit_days WHERE false)`
    : `(SELECT * FROM (VALUES ${entries.map(([c, d]) => `('${c.replace(/'/g, "''")}', ${Number(d)})`).join(', ')}) AS l(service_class, limit_days))`;
};

/** Waiting days and the share seen within the class's care-guarantee limit, by producer and class. */
export const loadWaiting = async (
  store: Store,
  config: SteeringConfig,
  { from, to, producerCode }: { from: string; to: string; producerCode?: string },
): Promise<WaitingFact[]> => {
  const rows = await store.all<Record<string, unknown>>(
    `SELECT e.producer_code, e.service_class, count(*) AS n,
       count(*) FILTER (WHERE date_diff('day', e.first_contact_date, e.event_date) <= l.limit_days) AS within,
       median(date_diff('day', e.first_contact_date, e.event_date)) AS median_days
     FROM events e JOIN ${limitsSql(config)} l ON l.service_class = e.service_class
     WHERE e.first_contact_date IS NOT NULL AND e.event_date BETWEEN $1::DATE AND $2::DATE AND e.producer_code IS NOT NULL
       ${producerCode ? 'AND e.producer_code = $3' : ''}
     GROUP BY ALL ORDER BY ALL`,
    producerCode ? [from, to, producerCode] : [from, to],
  );
  return rows.map((r) => ({
    producerCode: String(r.producer_code),
    serviceClass: String(r.service_class),
    count: Number(r.n),
    within: Number(r.within),
    medianDays: r.median_days == null ? null : Number(r.median_days),
  }));
};

/**
 * How complete a producer's own reporting is: an event is complete with its grid cell, its client's
 * pseudonym and, in a class under a care guarantee, the date of first contact.
 */
export const loadActivity = async (
  store: Store,
  config: SteeringConfig,
  { from, to, producerCode }: { from: string; to: string; producerCode?: string },
): Promise<ActivityFact[]> => {
  const rows = await store.all<Record<string, unknown>>(
    `SELECT e.producer_code, count(*) AS n,
       count(*) FILTER (WHERE e.grid_cell_code IS NOT NULL AND e.client_key IS NOT NULL
         AND (l.limit_days IS NULL OR e.first_contact_date IS NOT NULL)) AS complete,
       sum(e.quantity) FILTER (WHERE e.kind = 'visit') AS visits
     FROM events e LEFT JOIN ${limitsSql(config)} l ON l.service_class = e.service_class
     WHERE e.event_date BETWEEN $1::DATE AND $2::DATE AND e.producer_code IS NOT NULL
       ${producerCode ? 'AND e.producer_code = $3' : ''}
     GROUP BY ALL ORDER BY ALL`,
    producerCode ? [from, to, producerCode] : [from, to],
  );
  return rows.map((r) => ({
    producerCode: String(r.producer_code),
    events: Number(r.n),
    complete: Number(r.complete),
    visits: Number(r.visits ?? 0),
  }));
};

/** Euros per unit of a class in the county's own production: the yardstick for a producer's price. */
export const loadOwnCosts = async (
  store: Store,
  { from, to }: { from: string; to: string },
): Promise<Map<string, { euros: number; quantity: number; kind: string }>> => {
  const rows = await store.all<Record<string, unknown>>(
    `SELECT e.service_class, e.kind, sum(e.cost_euros) AS euros, sum(e.quantity) AS quantity
     FROM events e JOIN (SELECT DISTINCT code FROM producers WHERE kind = 'own') p ON p.code = e.producer_code
     JOIN service_classes c ON c.code = e.service_class AND c.event_kind = e.kind
     WHERE e.event_date BETWEEN $1::DATE AND $2::DATE GROUP BY ALL`,
    [from, to],
  );
  return new Map(
    rows.map((r) => [
      String(r.service_class),
      { euros: Number(r.euros), quantity: Number(r.quantity), kind: String(r.kind) },
    ]),
  );
};

/** A corrective action not done by its deadline, as of `day`. */
export const isOverdue = (f: { actionState: string; actionDeadline: string }, day: string) =>
  f.actionState !== 'done' && f.actionDeadline < day;

/** A finding with its inspection, as imported (version 1) or as last saved in the app. */
export type FindingFact = FindingView;

export const loadFindings = async (store: Store, producerCode?: string): Promise<FindingFact[]> =>
  (
    await store.all<Record<string, unknown>>(
      `SELECT f.finding_id, f.inspection_id, i.inspection_date, i.producer_code, i.unit_code, f.severity, f.description,
         f.action_deadline, f.action_state, f.action_done_on
       FROM findings f JOIN inspections i ON i.inspection_id = f.inspection_id
       ${producerCode ? 'WHERE i.producer_code = $1' : ''} ORDER BY i.inspection_date, f.finding_id`,
      producerCode ? [producerCode] : [],
    )
  ).map((r) => ({
    findingId: String(r.finding_id),
    inspectionId: String(r.inspection_id),
    inspectionDate: String(r.inspection_date).slice(0, 10),
    producerCode: String(r.producer_code),
    unitCode: r.unit_code == null ? null : String(r.unit_code),
    severity: r.severity as FindingFact['severity'],
    description: String(r.description),
    actionDeadline: String(r.action_deadline).slice(0, 10),
    actionState: r.action_state as FindingFact['actionState'],
    actionDoneOn: r.action_done_on == null ? null : String(r.action_done_on).slice(0, 10),
    actionNote: null,
    version: 1,
    updatedAt: null,
    updatedBy: null,
  }));

export const loadComplaints = async (
  store: Store,
  { year, producerCode }: { year: string; producerCode?: string },
): Promise<{ producerCode: string; quarter: string; objections: number; complaints: number }[]> =>
  (
    await store.all<Record<string, unknown>>(
      `SELECT producer_code, quarter,
         coalesce(sum(count) FILTER (WHERE kind = 'objection'), 0) AS objections,
         coalesce(sum(count) FILTER (WHERE kind = 'complaint'), 0) AS complaints
       FROM complaints WHERE starts_with(quarter, $1) ${producerCode ? 'AND producer_code = $2' : ''}
       GROUP BY ALL ORDER BY ALL`,
      producerCode ? [year, producerCode] : [year],
    )
  ).map((r) => ({
    producerCode: String(r.producer_code),
    quarter: String(r.quarter),
    objections: Number(r.objections),
    complaints: Number(r.complaints),
  }));
