import {
  type ChainDefinition,
  type ChainIndicatorDefinition,
  type ChainMeasure,
  chainIndicatorId,
  type LocalText,
} from '../model/index.js';

interface MeasureText {
  title: (chain: LocalText) => LocalText;
  description: (chain: ChainDefinition) => LocalText;
  unit: LocalText;
  decimals: number;
  direction: ChainIndicatorDefinition['direction'];
  interval: ChainIndicatorDefinition['interval'];
}

const percent: LocalText = { fi: '%', sv: '%', en: '%' };

/**
 * What each chain measure says, in the UI's three languages. A shorter time to the last step and fewer
 * returns are better; the cost of a chain is neither better nor worse by itself (a cheaper chain may be
 * one that leaves people without the care they need), so its targets may point either way.
 */
const measureTexts: Record<ChainMeasure, MeasureText> = {
  'reach-final': {
    title: (c) => ({
      fi: `${c.fi}: viimeiseen vaiheeseen edenneet`,
      sv: `${c.sv}: andel som nådde sista steget`,
      en: `${c.en}: share reaching the last step`,
    }),
    description: (c) => {
      const last = c.steps.at(-1);
      return {
        fi: `Vuoden aikana ketjuun tulleista asiakkaista ne, jotka etenivät vaiheeseen ${last?.nameFi ?? ''} ketjun aikarajoissa, %.`,
        sv: `Av klienterna som kom in i kedjan under året de som nådde steget ${last?.nameSv ?? ''} inom kedjans tidsgränser, %.`,
        en: `Of the clients entering the chain in the year, those reaching the step ${last?.nameEn ?? ''} within the chain's time limits, %.`,
      };
    },
    unit: percent,
    decimals: 1,
    direction: 'higherIsBetter',
    interval: 'wilson',
  },
  'median-days': {
    title: (c) => ({
      fi: `${c.fi}: päiviä viimeiseen vaiheeseen (mediaani)`,
      sv: `${c.sv}: dagar till sista steget (median)`,
      en: `${c.en}: days to the last step (median)`,
    }),
    description: () => ({
      fi: 'Päivät ketjuun tulosta viimeiseen vaiheeseen niillä, jotka sen saavuttivat; mediaani ja sen jakaumasta riippumaton 95 %:n luottamusväli.',
      sv: 'Dagar från inträdet i kedjan till sista steget för dem som nådde det; median med ett fördelningsfritt 95 % konfidensintervall.',
      en: 'Days from entering the chain to its last step, for those who reached it; the median with a distribution-free 95 % interval.',
    }),
    unit: { fi: 'päivää', sv: 'dagar', en: 'days' },
    decimals: 0,
    direction: 'lowerIsBetter',
    interval: 'none',
  },
  'cost-per-client': {
    title: (c) => ({
      fi: `${c.fi}: kustannus asiakasta kohden`,
      sv: `${c.sv}: kostnad per klient`,
      en: `${c.en}: cost per client`,
    }),
    description: () => ({
      fi: 'Ketjun vaiheiden kustannukset ketjuun tulosta viimeiseen saavutettuun vaiheeseen, jaettuna ketjuun tulleiden asiakkaiden määrällä.',
      sv: 'Kostnaderna för kedjans steg från inträdet till det sista steget som nåddes, delat med antalet klienter som kom in i kedjan.',
      en: "The cost of the chain's steps from entry to the last step reached, divided by the clients entering the chain.",
    }),
    unit: { fi: '€ / asiakas', sv: '€ / klient', en: '€ per client' },
    decimals: 0,
    direction: 'neutral',
    interval: 'none',
  },
  returns: {
    title: (c) => ({
      fi: `${c.fi}: palanneet`,
      sv: `${c.sv}: andel som återvände`,
      en: `${c.en}: share returning`,
    }),
    description: (c) => ({
      fi: `Ketjuun tulleista ne, jotka palasivat ${c.returns.withinDays} päivän kuluessa viimeisestä vaiheestaan, %.`,
      sv: `Av klienterna som kom in i kedjan de som återvände inom ${c.returns.withinDays} dagar efter sitt sista steg, %.`,
      en: `Of the clients entering the chain, those returning within ${c.returns.withinDays} days of their last step, %.`,
    }),
    unit: percent,
    decimals: 1,
    direction: 'lowerIsBetter',
    interval: 'wilson',
  },
};

const measures = Object.keys(measureTexts) as ChainMeasure[];

/** A chain's measures as indicators: yearly, for the county and its municipalities, without breakdowns. */
export const chainIndicators = (chain: ChainDefinition): ChainIndicatorDefinition[] =>
  measures.map((measure) => {
    const text = measureTexts[measure];
    return {
      id: chainIndicatorId(chain.id, measure),
      source: 'chain',
      chainId: chain.id,
      measure,
      title: text.title({ fi: chain.nameFi, sv: chain.nameSv, en: chain.nameEn }),
      description: text.description(chain),
      serviceArea: 'all',
      unit: text.unit,
      decimals: text.decimals,
      direction: text.direction,
      interval: text.interval,
      periods: ['year'],
      levels: ['county', 'municipality'],
      breakdowns: [],
    };
  });
