import type { AccessShift, ActionEffect, ScenarioAction } from '../../../../src/model/index.js';
import type { ActionsMessages } from './actions-messages.js';
import type { Formats } from './format.js';

export interface ActionText {
  title: string;
  /** Per service class the action touches: its name and the sentences about it. */
  classes: { serviceClass: string; name: string; sentences: string[] }[];
}

interface Context {
  text: ActionsMessages;
  format: Formats;
  className: (code: string) => string;
  /** Municipality names in the reader's language. */
  municipalityName: (m: ActionEffect['municipalities'][number]) => string;
  limitMinutes: number;
  maxTravelMinutes: number;
}

const titleOf = (action: ScenarioAction, { text, format, className }: Context): string => {
  if (action.shift)
    return text.shift(
      className(action.shift.serviceClass),
      format.whole(action.shift.share * 100),
      action.shift.channel,
    );
  const unit = action.unitCode === null ? '' : `${action.unitName ?? action.unitCode} (${action.unitCode})`;
  if (action.kinds.length > 1) return text.several(unit);
  const kind = action.kinds[0];
  if (kind === 'close') return text.close(unit);
  if (kind === 'open') return text.open(unit);
  if (kind === 'move') return text.move(unit);
  if (kind === 'hours') return text.hours(unit);
  return text.resize(unit);
};

/** Sentences about one direction of change; nothing when no one moves that way. */
const shiftSentences = (shift: AccessShift, direction: 'longer' | 'shorter', context: Context): string[] => {
  const { text, format } = context;
  const count = (value: number | null) => (value === null ? text.withheld : format.whole(value));
  if (shift.residents === 0) return [];
  const minutes = shift.meanMinutes === null ? null : format.minutes(Math.abs(shift.meanMinutes));
  const sentences = [
    (direction === 'longer' ? text.longer : text.shorter)(
      count(shift.residents),
      minutes,
      count(shift.aged75),
    ),
  ];
  if (shift.acrossLimit !== 0) {
    const limit = format.whole(context.limitMinutes);
    const across = count(shift.acrossLimit);
    sentences.push(
      direction === 'longer' ? text.acrossLimitLonger(across, limit) : text.acrossLimitShorter(across, limit),
    );
  }
  if (direction === 'longer' && shift.unreachable !== 0)
    sentences.push(text.unreachable(count(shift.unreachable), format.whole(context.maxTravelMinutes)));
  return sentences;
};

const effectSentences = (action: ScenarioAction, effect: ActionEffect, context: Context): string[] => {
  const { text, format } = context;
  const sentences = [
    ...shiftSentences(effect.longer, 'longer', context),
    ...shiftSentences(effect.shorter, 'shorter', context),
  ];
  if (sentences.length === 0 && !action.shift) sentences.push(text.noAccessChange);
  const places = effect.municipalities.slice(0, 3).map((m) => {
    const moved =
      m.suppressed && m.longer === null && m.shorter === null ? null : (m.longer ?? 0) + (m.shorter ?? 0);
    return `${context.municipalityName(m)} ${moved === null ? text.withheld : format.whole(moved)}`;
  });
  if (places.length > 0) sentences.push(text.where(places.join(', ')));
  const whole = (value: number | null) => (value === null ? '–' : format.whole(value));
  const percent = (value: number | null) => (value === null ? '–' : `${format.whole(value * 100)} %`);
  if (effect.capacityBefore !== effect.capacityAfter)
    sentences.push(text.capacity(whole(effect.capacityBefore), whole(effect.capacityAfter)));
  if (action.unitCode !== null && (effect.utilisationBefore !== null || effect.utilisationAfter !== null))
    sentences.push(text.utilisation(percent(effect.utilisationBefore), percent(effect.utilisationAfter)));
  if (action.shift && effect.inPersonDemandBefore !== effect.inPersonDemandAfter)
    sentences.push(text.demand(whole(effect.inPersonDemandBefore), whole(effect.inPersonDemandAfter)));
  return sentences;
};

/** An action in words a steering group can read, per service class it touches. */
export const actionText = (action: ScenarioAction, context: Context): ActionText => ({
  title: titleOf(action, context),
  classes: action.effects.map((effect) => ({
    serviceClass: effect.serviceClass,
    name: context.className(effect.serviceClass),
    sentences: effectSentences(action, effect, context),
  })),
});

/** The whole list as plain text, for a memo: numbered actions, a line per class. */
export const actionsAsPlainText = (title: string, actions: readonly ActionText[]): string =>
  [
    title,
    '',
    ...actions.flatMap((action, i) => [
      `${i + 1}. ${action.title}`,
      ...action.classes.map((c) => `   ${c.name}: ${c.sentences.join(' ')}`),
      '',
    ]),
  ].join('\n');
