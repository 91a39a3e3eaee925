import type { ImportKind } from '../../model/index.js';
import { csvLine, formatDecimalComma } from '../csv.js';
import type { DemoSteering } from '../steering-data.js';

/** The steering files as a county's contract, finance and supervision offices export them: Finnish headers, semicolons, decimal commas. */
const table = (header: string[], rows: (string | number | undefined)[][]): string =>
  [csvLine(header), ...rows.map((row) => csvLine(row))].join('');

const decimal = (value: number | undefined) => (value === undefined ? '' : formatDecimalComma(value, 2));

export const steeringCsvFiles = (
  data: DemoSteering,
): { path: string; kind: ImportKind; text: string; rows: number }[] => [
  {
    path: 'contracts.csv',
    kind: 'contracts',
    rows: data.contracts.length,
    text: table(
      [
        'sopimus',
        'tuottaja',
        'nimi',
        'palveluluokat',
        'toimipisteet',
        'voimassa_alkaen',
        'voimassa_asti',
        'hinnoitteluperuste',
        'yksikköhinta',
        'kuukausimaksu',
        'indeksiehto',
        'vähimmäismäärä',
        'enimmäismäärä',
        'raportointivelvoitteet',
        'sanktio_pros',
        'bonus_pros',
        'kilpailutus_alkaa',
      ],
      data.contracts.map((c) => [
        c.code,
        c.producerCode,
        c.name,
        c.serviceClass,
        c.unitCodes.join(','),
        c.validFrom,
        c.validTo,
        c.pricingBasis === 'visit' ? 'käynti' : 'hoitopäivä',
        decimal(c.unitPriceEuros),
        decimal(c.monthlyFeeEuros),
        c.indexClause,
        c.volumeFloor,
        c.volumeCeiling,
        'Kuukausiraportti käynneistä ja jonotilanteesta; vuosiraportti omavalvonnasta',
        '2',
        '1',
        c.tenderPlannedFrom,
      ]),
    ),
  },
  {
    path: 'contract-options.csv',
    kind: 'contractOptions',
    rows: data.options.length,
    text: table(
      ['sopimus', 'optio', 'jatkuu_asti', 'päätettävä_viimeistään', 'päätös'],
      data.options.map((o) => [o.contractCode, o.optionNumber, o.extendsTo, o.decideBy, o.decision]),
    ),
  },
  {
    path: 'quality-requirements.csv',
    kind: 'qualityRequirements',
    rows: data.requirements.length,
    text: table(
      ['sopimus', 'mittari', 'suunta', 'tavoite'],
      data.requirements.map((r) => [r.contractCode, r.measure, r.direction, formatDecimalComma(r.target, 2)]),
    ),
  },
  {
    path: 'invoices.csv',
    kind: 'invoices',
    rows: data.invoices.length,
    text: table(
      ['laskunumero', 'tuottaja', 'kuukausi', 'palveluluokka', 'toimipiste', 'summa_eur', 'määrä'],
      data.invoices.map((i) => [
        i.invoiceId,
        i.producerCode,
        i.month,
        i.serviceClass,
        i.unitCode,
        formatDecimalComma(i.amountCents / 100, 2),
        i.quantity,
      ]),
    ),
  },
  {
    path: 'voucher-values.csv',
    kind: 'voucherValues',
    rows: data.voucherValues.length,
    text: table(
      ['palveluluokka', 'vuosi', 'setelin_arvo', 'omavastuu'],
      data.voucherValues.map((v) => [
        v.serviceClass,
        v.year,
        decimal(v.valueEuros),
        decimal(v.clientShareEuros),
      ]),
    ),
  },
  {
    path: 'voucher-approvals.csv',
    kind: 'voucherApprovals',
    rows: data.voucherApprovals.length,
    text: table(
      ['palveluluokka', 'tuottaja', 'hyväksytty_alkaen'],
      data.voucherApprovals.map((a) => [a.serviceClass, a.producerCode, a.approvedFrom]),
    ),
  },
  {
    path: 'inspections.csv',
    kind: 'inspections',
    rows: data.inspections.length,
    text: table(
      ['valvontatunnus', 'tuottaja', 'toimipiste', 'valvontapäivä', 'tyyppi'],
      data.inspections.map((i) => [i.inspectionId, i.producerCode, i.unitCode, i.date, i.kind]),
    ),
  },
  {
    path: 'findings.csv',
    kind: 'findings',
    rows: data.findings.length,
    text: table(
      [
        'havaintotunnus',
        'valvontatunnus',
        'vakavuus',
        'kuvaus',
        'määräaika',
        'korjauksen_tila',
        'korjattu_pvm',
      ],
      data.findings.map((f) => [
        f.findingId,
        f.inspectionId,
        f.severity,
        f.description,
        f.actionDeadline,
        f.actionState,
        f.actionDoneOn,
      ]),
    ),
  },
  {
    path: 'complaints.csv',
    kind: 'complaints',
    rows: data.complaints.length,
    text: table(
      ['tuottaja', 'neljännes', 'tyyppi', 'lukumäärä'],
      data.complaints.map((c) => [c.producerCode, c.quarter, c.kind, c.count]),
    ),
  },
];
