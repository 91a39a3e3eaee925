import { businessIdCheckDigit, type ProducerKind } from '../model/index.js';
import { Random } from './random.js';

export interface DemoProducer {
  code: string;
  name: string;
  kind: ProducerKind;
  businessId: string;
}

const definitions: readonly { code: string; name: string; kind: ProducerKind }[] = [
  { code: 'JPHVA', name: 'Järvi-Pohjan hyvinvointialue', kind: 'own' },
  { code: 'KAISLIKKO', name: 'Terveyspalvelu Kaislikko Oy', kind: 'purchased' },
  { code: 'NORDICA', name: 'Kuntoutus Nordica Ab', kind: 'purchased' },
  { code: 'AAMURUSKO', name: 'Hoivakoti Aamurusko Oy', kind: 'purchased' },
  { code: 'HYMY', name: 'Hammaslääkäriasema Hymy Oy', kind: 'voucher' },
  { code: 'APURI', name: 'Kotihoito Apuri Oy', kind: 'voucher' },
  { code: 'LIIKE', name: 'Fysio Liike Oy', kind: 'voucher' },
  { code: 'MIELI', name: 'Järvi-Pohjan Mielenterveysseura ry', kind: 'ngo' },
  { code: 'SELKEA', name: 'Päihdesäätiö Selkeä sr', kind: 'ngo' },
  { code: 'TUKI', name: 'Kehitysvammatuki Järvi-Pohja ry', kind: 'ngo' },
];

/** The demo county's producers by code and name, whatever the seed: one demo user signs in for each. */
export const demoProducerNames: readonly { code: string; name: string }[] = definitions.map(
  ({ code, name }) => ({
    code,
    name,
  }),
);

/** The producer whose own report, with its own column names, comes with a mapping file. */
export const mappedProducerCode = 'NORDICA';

/**
 * A business id with a valid check digit. Counties were registered in 2021 and got ids in the
 * 3.2 millions; companies and associations get ids from the whole older range.
 */
export const drawBusinessId = (random: Random, low: number, high: number): string => {
  for (;;) {
    const digits = String(Math.floor(random.between(low, high))).padStart(7, '0');
    const check = businessIdCheckDigit(digits);
    if (check !== undefined) return `${digits}-${check}`;
  }
};

export const demoProducers = (seed: number): DemoProducer[] => {
  const random = Random.of(seed, 801);
  return definitions.map((definition) => ({
    ...definition,
    businessId:
      definition.kind === 'own'
        ? drawBusinessId(random, 3_200_000, 3_299_999)
        : drawBusinessId(random, 100_000, 3_199_999),
  }));
};
