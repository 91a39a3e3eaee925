import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BenchName, benchFlags, numberFlag, numberListFlag, readBenchArgs } from './args.js';

const names = Object.keys(benchFlags) as BenchName[];
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** `[--rows N]`, `[--pg-full]`, `[-- --file PATH]` → the arguments a user would type. */
const documentedArgs = (usage: string): string[] =>
  [...usage.matchAll(/\[(?:-- )?--([\w-]+)(?: ([^\]\s…]+)[^\]]*)?\]/g)].flatMap(([, flag, value]) =>
    value === undefined ? [`--${flag}`] : [`--${flag}`, /^\d/.test(value) ? value : '1'],
  );

describe('benchmark arguments', () => {
  it.each(names)('%s takes every flag of its Usage comment', (name) => {
    const source = readFileSync(new URL(`./${name}.ts`, import.meta.url), 'utf8');
    const usage = /Usage: tsx bench\/[\w.]+ ([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
    const args = documentedArgs(usage);
    expect(args.length).toBeGreaterThan(0);
    const { values } = readBenchArgs(name, args);
    expect(Object.keys(values).sort()).toEqual(
      [...new Set(args.filter((arg) => arg.startsWith('--')).map((arg) => arg.slice(2)))].sort(),
    );
  });

  it.each(names)('%s takes the flags the README documents for it', (name) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`bench:${name}`)) ?? '';
    expect(row).not.toBe('');
    expect(() => readBenchArgs(name, documentedArgs(row))).not.toThrow();
  });

  it('stops on a misspelt flag or a flag without its value rather than running on defaults', () => {
    expect(() => readBenchArgs('import', ['--row', '5'])).toThrow();
    expect(() => readBenchArgs('import', ['--rows'])).toThrow();
    expect(() => readBenchArgs('matrix', ['extra'])).toThrow();
  });

  it('gives pmedian its instance files wherever they stand among the flags', () => {
    const { values, positionals } = readBenchArgs('pmedian', ['a.txt', '--time', '3', '--no-highs', 'b.txt']);
    expect(positionals).toEqual(['a.txt', 'b.txt']);
    expect(values).toEqual({ time: '3', 'no-highs': true });
  });

  it('reads figures, keeps defaults for absent flags and refuses what is not a figure', () => {
    expect(numberFlag('rows', '1000', 5)).toBe(1000);
    expect(numberFlag('rows', undefined, 5)).toBe(5);
    expect(() => numberFlag('rows', 'many', 5)).toThrow('--rows takes a number, not "many"');
    expect(numberListFlag('sizes', '100,200', [1])).toEqual([100, 200]);
    expect(() => numberListFlag('sizes', '100,x', [1])).toThrow();
  });
});
