import type { IndicatorDefinition } from '../../model/index.js';
import { healthIndicators } from './health.js';

/** The built-in package, modelled on THL's SOTE-tietopaketit, in the order the UI lists them. */
export const builtInIndicators: readonly IndicatorDefinition[] = [...healthIndicators];

const byId = new Map(builtInIndicators.map((d) => [d.id, d]));
if (byId.size !== builtInIndicators.length) throw new Error('built-in indicator ids must be unique');

export const findIndicator = (id: string): IndicatorDefinition | undefined => byId.get(id);
