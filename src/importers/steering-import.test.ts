import { afterEach, describe, expect, it } from 'vitest';
import type { ImportKind } from '../model/index.js';
import type { Store } from '../store/index.js';
import { importFile } from './import-file.js';
import { seededStore, writeText } from './testing.js';

let open: Store[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

/** One file per steering kind, each with one good row and one bad one (the reason's code given). */
const files: { kind: ImportKind; lines: string[]; rejected: string }[] = [
  {
    kind: 'contracts',
    lines: [
      'sopimus;tuottaja;nimi;palveluluokat;toimipisteet;voimassa_alkaen;voimassa_asti;hinnoitteluperuste;yksikköhinta;kuukausimaksu;indeksiehto;vähimmäismäärä;enimmäismäärä',
      'C1;P1;Kotihoito 2024;HMC;U2;2024-01-01;2026-12-31;käynti;38,50;1200;consumerPrice;1000;5000',
      'C2;P1;Rikki;HMC;;2024-01-01;2023-12-31;käynti;38,50;;;6000;5000',
    ],
    rejected: 'closingBeforeOpening',
  },
  {
    kind: 'contractOptions',
    lines: [
      'sopimus;optio;jatkuu_asti;päätettävä_viimeistään;päätös',
      'C1;1;2027-12-31;2026-06-30;open',
      'NOPE;1;2027-12-31;2026-06-30;open',
    ],
    rejected: 'unknownContractCode',
  },
  {
    kind: 'qualityRequirements',
    lines: [
      'sopimus;mittari;suunta;tavoite',
      'C1;waitingWithinLimitShare;atLeast;0,9',
      'C1;staffing;atLeast;0,6',
    ],
    rejected: 'unknownValue',
  },
  {
    kind: 'invoices',
    lines: [
      'lasku;tuottaja;kuukausi;palveluluokka;toimipiste;summa;määrä',
      'L1;P1;2024-03;HMC;U2;3850,00;100',
      'L2;P1;2024-13;HMC;U2;3850,00;100',
    ],
    rejected: 'notExpectedForm',
  },
  {
    kind: 'voucherValues',
    lines: ['palveluluokka;vuosi;arvo;omavastuu', 'HMC;2024;32;6,5', 'XX;2024;32;'],
    rejected: 'unknownServiceClass',
  },
  {
    kind: 'voucherApprovals',
    lines: ['palveluluokka;tuottaja;hyväksytty_alkaen', 'HMC;P1;2024-01-01', 'HMC;NOPE;2024-01-01'],
    rejected: 'unknownProducerCode',
  },
  {
    kind: 'inspections',
    lines: [
      'valvonta;tuottaja;toimipiste;pvm;tyyppi',
      'V1;P1;U2;2024-05-02;planned',
      'V2;P1;U9;2024-05-02;planned',
    ],
    rejected: 'unknownUnitCode',
  },
  {
    kind: 'findings',
    lines: [
      'havainto;valvonta;vakavuus;kuvaus;määräaika;korjauksen_tila',
      'H1;V1;significant;Lääkehoitosuunnitelma puuttuu;2024-08-31;open',
      'H2;V9;minor;Kirjaamisessa puutteita;2024-08-31;open',
    ],
    rejected: 'unknownInspection',
  },
  {
    kind: 'complaints',
    lines: ['tuottaja;neljännes;tyyppi;lukumäärä', 'P1;2024-Q2;objection;3', 'P1;2024-Q2;complaint;-1'],
    rejected: 'atLeast',
  },
];

describe('importFile: producer steering kinds', () => {
  it('imports each kind, one row accepted and one rejected with its reason, rows in = accepted + rejected', async () => {
    const { store, dir } = await seededStore();
    open.push(store);
    for (const file of files) {
      const summary = await importFile(store, {
        file: writeText(dir, `${file.kind}.csv`, file.lines),
        kind: file.kind,
      });
      expect(summary, file.kind).toMatchObject({
        refused: false,
        rowsRead: 2,
        rowsAccepted: 1,
        rowsRejected: 1,
      });
      const [reject] = await store.all<{ line: bigint; reason_code: string }>(
        'SELECT line, reason_code FROM rejects WHERE import_id = $1',
        [summary.importId],
      );
      expect(reject?.reason_code, file.kind).toBe(file.rejected);
      expect(Number(reject?.line), file.kind).toBe(3);
    }
    const [contract] = await store.all<Record<string, unknown>>(
      'SELECT code, service_classes, unit_codes, pricing_basis, unit_price_euros, monthly_fee_euros, volume_ceiling FROM contracts',
    );
    expect(contract).toEqual({
      code: 'C1',
      service_classes: ['HMC'],
      unit_codes: ['U2'],
      pricing_basis: 'visit',
      unit_price_euros: 38.5,
      monthly_fee_euros: 1200,
      volume_ceiling: 5000,
    });
  });

  it('reads the first contact date of an event, the start of its wait', async () => {
    const { store, dir } = await seededStore();
    open.push(store);
    const summary = await importFile(store, {
      file: writeText(dir, 'events.csv', [
        'tapahtuma_id;pvm;kunta;ikä;sukupuoli;palveluluokka;toimipiste;tuottaja;kanava;tyyppi;määrä;kustannus_eur;yhteydenotto',
        'E1;2024-02-10;901;45;1;HC;U1;OWN;vastaanotto;käynti;1;85;2024-02-01',
        'E2;2024-02-10;901;45;1;HC;U1;OWN;vastaanotto;käynti;1;85;',
      ]),
      kind: 'events',
    });
    expect(summary).toMatchObject({ rowsAccepted: 2, rowsRejected: 0 });
    const rows = await store.all<{ waited: number | null }>(
      "SELECT date_diff('day', first_contact_date, event_date) AS waited FROM events ORDER BY source_id",
    );
    expect(rows.map((r) => r.waited)).toEqual([9, null]);
  });
});
