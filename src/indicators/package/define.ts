import { IndicatorDefinition, type IndicatorDefinitionInput } from '../../model/index.js';

/** Validates a built-in definition when the package is loaded, so that a mistake fails every test at once. */
export const define = (input: IndicatorDefinitionInput): IndicatorDefinition =>
  IndicatorDefinition.parse(input);
