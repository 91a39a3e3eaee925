import type { AreaLevel } from '../../../../src/model/index.js';

/** An area as the page's choice holds it: its level and code in one string, e.g. "municipality:091". */
export const areaKey = ({ level, code }: { level: AreaLevel; code: string }): string => `${level}:${code}`;

export const parseAreaKey = (key: string): { level: AreaLevel; code: string } | undefined => {
  const match = /^(county|municipality):(.+)$/.exec(key);
  return match?.[1] && match[2] ? { level: match[1] as AreaLevel, code: match[2] } : undefined;
};
