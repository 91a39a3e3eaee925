import { describe, expect, it } from 'vitest';
import type { AccessShift, ActionEffect, ScenarioAction } from '../../../../src/model/index.js';
import { actionsMessages } from './actions-messages.js';
import { actionsAsPlainText, actionText } from './actions-text.js';
import type { Formats } from './format.js';

const whole = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const format: Formats = {
  whole: (v) => whole.format(v),
  minutes: (v) => one.format(v),
  percent: (v) => one.format(v * 100),
  decimal: (v) => one.format(v),
  signed: (v) => one.format(v),
};

const none: AccessShift = {
  residents: 0,
  aged75: 0,
  meanMinutes: null,
  acrossLimit: 0,
  unreachable: 0,
  suppressed: false,
};

const effect = (over: Partial<ActionEffect>): ActionEffect => ({
  serviceClass: 'HC',
  longer: none,
  shorter: none,
  municipalities: [],
  capacityBefore: 15000,
  capacityAfter: 15000,
  utilisationBefore: null,
  utilisationAfter: null,
  inPersonDemandBefore: 12000,
  inPersonDemandAfter: 12000,
  ...over,
});

const close = (effects: ActionEffect[]): ScenarioAction => ({
  changeIndexes: [0],
  kinds: ['close'],
  unitCode: 'U1',
  unitName: 'Bölen terveysasema',
  statusAfter: 'closed',
  shift: null,
  effects,
});

const context = (language: 'fi' | 'sv' | 'en') => ({
  text: actionsMessages[language],
  format,
  className: (code: string) => (code === 'HC' ? 'Terveysasema' : code),
  municipalityName: (m: { name: string; nameSv: string | null }) =>
    language === 'sv' && m.nameSv ? m.nameSv : m.name,
  limitMinutes: 30,
  maxTravelMinutes: 120,
});

describe('an action in words', () => {
  const closure = close([
    effect({
      longer: {
        residents: 2340,
        aged75: 410,
        meanMinutes: 7.26,
        acrossLimit: 120,
        unreachable: 0,
        suppressed: false,
      },
      municipalities: [
        { code: '297', name: 'Kuopio', nameSv: null, longer: 2200, shorter: 0, suppressed: false },
        { code: '749', name: 'Siilinjärvi', nameSv: null, longer: 140, shorter: 0, suppressed: false },
      ],
      capacityAfter: 0,
      utilisationBefore: 0.84,
    }),
  ]);

  it('says who travels longer, how much, who crosses the limit, where they live and the capacity lost', () => {
    const { title, classes } = actionText(closure, context('fi'));
    expect(title).toBe('Suljetaan Bölen terveysasema (U1)');
    expect(classes).toHaveLength(1);
    expect(classes[0]?.name).toBe('Terveysasema');
    expect(classes[0]?.sentences).toEqual([
      '2\u00a0340 asukkaan matka pitenee keskimäärin 7,3 min; heistä 410 on 75 vuotta täyttäneitä.',
      '120 asukasta jää yli 30 min päähän.',
      'Eniten: Kuopio 2\u00a0200, Siilinjärvi 140.',
      'Kapasiteetti 15\u00a0000 → 0 vuodessa.',
      'Käyttöaste 84 % → –.',
    ]);
  });

  it('writes a withheld count as <5 and leaves the minutes out, in every language', () => {
    const withheld = close([
      effect({
        longer: {
          residents: null,
          aged75: null,
          meanMinutes: null,
          acrossLimit: null,
          unreachable: null,
          suppressed: true,
        },
        capacityAfter: 0,
      }),
    ]);
    for (const language of ['fi', 'sv', 'en'] as const) {
      const [first] = actionText(withheld, context(language)).classes[0]?.sentences ?? [];
      expect(first).toContain('<5');
      expect(first).not.toMatch(/min/);
    }
  });

  it('tells a channel shift by the demand it moves, and numbers the actions in plain text', () => {
    const shift: ScenarioAction = {
      changeIndexes: [1],
      kinds: ['shiftChannel'],
      unitCode: null,
      unitName: null,
      statusAfter: null,
      shift: { serviceClass: 'HC', channel: 'digital', share: 0.2 },
      effects: [effect({ capacityBefore: null, capacityAfter: null, inPersonDemandAfter: 9600 })],
    };
    const texts = [actionText(closure, context('en')), actionText(shift, context('en'))];
    expect(texts[1]?.title).toBe('Terveysasema: 20 % of visits move to digital services');
    expect(texts[1]?.classes[0]?.sentences).toEqual(['In-person demand 12\u00a0000 → 9\u00a0600 a year.']);
    const plain = actionsAsPlainText('Actions of the scenario', texts).split('\n');
    expect(plain[0]).toBe('Actions of the scenario');
    expect(plain[2]).toBe('1. Close Bölen terveysasema (U1)');
    expect(plain.some((line) => line.startsWith('2. Terveysasema: 20 %'))).toBe(true);
  });
});
