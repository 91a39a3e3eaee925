import type { PxTableMetadata, PxVariable } from './api.js';

/** What each variable of a table is for, found from its values and words, never from its code. */
export interface VariableRoles {
  area: PxVariable;
  year: PxVariable;
  age?: PxVariable;
  sex?: PxVariable;
  others: PxVariable[];
}

export const municipalityValue = /^KU(\d{3})$/;
const totalText = /^(yhteensä|totalt|total|koko maa|hela landet|whole country)$/i;

/** A total category: PxWeb writes them SSS, or says so in words. */
export const isTotal = (variable: PxVariable, index: number): boolean =>
  variable.values[index] === 'SSS' || totalText.test((variable.valueTexts[index] ?? '').trim());

/**
 * Finds the roles: the area is the variable whose values are municipality codes (KU091), the year the
 * time variable (or one whose values are all years), age and sex by their words in any of the three
 * languages. Codes such as `Alue` or `alue_23_20260101` change between table versions and are not read.
 */
export const variableRoles = (metadata: PxTableMetadata): VariableRoles => {
  const vars = metadata.variables;
  const area = vars.find((v) => v.values.filter((code) => municipalityValue.test(code)).length >= 1);
  const year =
    vars.find((v) => v.time === true) ??
    vars.find((v) => /vuosi|år|year/i.test(v.text) && v.values.every((code) => /^\d{4}$/.test(code)));
  const age = vars.find(
    (v) => v !== area && v !== year && /^(ik[äa]|ålder|age)(?!\p{L})/iu.test(v.text.trim()),
  );
  const sex = vars.find(
    (v) => v !== area && v !== year && v !== age && /sukupuoli|kön|sex|gender/i.test(v.text),
  );
  if (!area)
    throw new Error(
      `the table "${metadata.title}" has no variable whose values are municipality codes (KU…); found ${vars.map((v) => v.text).join(', ')}`,
    );
  if (!year)
    throw new Error(
      `the table "${metadata.title}" has no year variable; found ${vars.map((v) => v.text).join(', ')}`,
    );
  return {
    area,
    year,
    ...(age && { age }),
    ...(sex && { sex }),
    others: vars.filter((v) => v !== area && v !== year && v !== age && v !== sex),
  };
};
