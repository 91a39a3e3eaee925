import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The folders and the arrows allowed between them (docs/ARCHITECTURE.md draws the same map). Data flows
 * one way: model → store → state → importers → engines → server → cli; state keeps what people edit. Among the engines only the arrows written
 * here exist: scenarios use the forecast's demand, targets are set on indicators, and report packs show
 * both. web is the browser app: it talks to the server over HTTP and may use model's types.
 */
const base = ['model', 'store', 'state', 'importers'];
const engines = [
  'demo',
  'forecast',
  'indicators',
  'targets',
  'reports',
  'network',
  'connectors',
  'programme',
  'chains',
  'steering',
];
const allowedImports: Record<string, readonly string[]> = {
  model: [],
  store: ['model'],
  state: ['model', 'store'],
  importers: ['model', 'store'],
  demo: base,
  forecast: base,
  indicators: base,
  targets: [...base, 'indicators'],
  reports: [...base, 'indicators', 'targets'],
  network: [...base, 'forecast'],
  connectors: [...base, 'forecast'],
  programme: [...base, 'indicators', 'targets', 'reports'],
  chains: [...base, 'indicators'],
  server: [...base, ...engines],
  cli: [...base, ...engines, 'server'],
  web: ['model'],
  // The steering-meeting pack is printed to PDF by the report packs' printer.
  steering: [...base, 'indicators', 'reports'],
};

/** src/store/x.ts → store; web/… → web; bench/… → bench. */
const folderOf = (file: string): string => {
  const [top, sub] = file.split('/');
  return top === 'src' && file.split('/').length > 2 ? (sub ?? '') : (top ?? '');
};

/**
 * Test code: tests, test helpers (`*.fixture.ts`, and `testing.ts`, a folder's second door, open to tests
 * only), browser tests and benchmarks. It may import any folder through a door; production code may not
 * import it at all, and it stays out of the build (tsconfig.build.json).
 */
const isTestCode = (file: string): boolean =>
  /\.test\.tsx?$|\.fixture\.ts$|^src\/[^/]+\/testing\.ts$/.test(file) || /^(web\/e2e|bench)\//.test(file);

/** Packages only tests use: a file importing them is test code, whatever its name says. */
const testOnlyPackages = ['vitest', 'fast-check'];

const doorsOf = (folder: string): { door?: string; testDoor?: string } =>
  folder === 'web'
    ? { testDoor: 'web/e2e/harness.ts' }
    : { door: `src/${folder}/index.ts`, testDoor: `src/${folder}/testing.ts` };

/** The first cycle in a graph, as the path around it, or undefined. */
const findCycle = (graph: ReadonlyMap<string, Iterable<string>>): string[] | undefined => {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
};

/** Every broken rule, given each file (repository-relative) and the specifiers it imports. */
const ruleViolations = (imports: ReadonlyMap<string, readonly string[]>): string[] => {
  const problems: string[] = [];
  const files = new Map<string, string[]>();
  const folders = new Map<string, Set<string>>();
  for (const [file, specifiers] of imports) {
    const from = folderOf(file);
    if (/(^|\/)test-[^/]*$/.test(file))
      problems.push(`${file}: a test helper is named *.fixture.ts or testing.ts`);
    const edges: string[] = [];
    files.set(file, edges);
    for (const specifier of specifiers) {
      if (from === 'model' && specifier.startsWith('node:') && !isTestCode(file)) {
        problems.push(`${file} uses ${specifier}: model/ holds schemas and pure functions, safe anywhere`);
      }
      if (testOnlyPackages.includes(specifier) && !isTestCode(file)) {
        problems.push(`${file} uses ${specifier}: a test helper not named as one`);
      }
      if (!specifier.startsWith('.')) continue;
      const path = posix.join(posix.dirname(file), specifier).replace(/\.js$/, '');
      const target = [`${path}.ts`, `${path}.tsx`, `${path}/index.ts`].find((f) => imports.has(f));
      if (!target) continue;
      edges.push(target);
      const to = folderOf(target);
      if (isTestCode(target) && !isTestCode(file))
        problems.push(`${file} → ${target}: test code in production`);
      if (to === from) continue;
      const { door, testDoor } = doorsOf(to);
      if (target !== door && !(isTestCode(file) && target === testDoor)) {
        problems.push(`${file} → ${target}: around ${to}'s door`);
      }
      if (isTestCode(file)) continue;
      if (!allowedImports[from]?.includes(to))
        problems.push(`${file} → ${target}: ${from} may not use ${to}`);
      folders.set(from, (folders.get(from) ?? new Set()).add(to));
    }
  }
  const fileCycle = findCycle(files);
  if (fileCycle) problems.push(`import cycle: ${fileCycle.join(' → ')}`);
  const folderCycle = findCycle(folders);
  if (folderCycle) problems.push(`folder cycle: ${folderCycle.join(' → ')}`);
  return problems;
};

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !f.includes('node_modules'))
    .map((f) => `${dir}/${f.split('\\').join('/')}`);

const repositoryImports = (): Map<string, string[]> =>
  new Map(
    ['src', 'web', 'bench'].flatMap(sourceFiles).map((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return [file, ts.preProcessFile(text, true, true).importedFiles.map((i) => i.fileName)];
    }),
  );

describe('architecture', () => {
  it('holds in this repository', () => {
    const imports = repositoryImports();
    expect(imports.size).toBeGreaterThan(400);
    expect(ruleViolations(imports)).toEqual([]);
  });

  it('leaves test code out of the build', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.build.json'), undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => expect.fail(String(diagnostic.messageText)),
    });
    const built = (config?.fileNames ?? []).map((f) => relative(root, f).split('\\').join('/'));
    expect(built.length).toBeGreaterThan(200);
    expect(built.filter(isTestCode)).toEqual([]);
  });

  it('draws the allowed arrows without a cycle, over folders that exist', () => {
    expect(findCycle(new Map(Object.entries(allowedImports)))).toBeUndefined();
    const present = new Set([...repositoryImports().keys()].map(folderOf));
    for (const folder of Object.keys(allowedImports)) expect(present).toContain(folder);
    for (const folder of present) expect([...Object.keys(allowedImports), 'src', 'bench']).toContain(folder);
  });

  const tree = (extra: Record<string, string[]>) =>
    new Map(
      Object.entries({
        'src/model/index.ts': ['./road.js'],
        'src/model/road.ts': ['zod'],
        'src/store/index.ts': ['./store.js'],
        'src/store/store.ts': ['../model/index.js'],
        'src/store/testing.ts': ['./store.js'],
        'src/store/sample.fixture.ts': [],
        'src/indicators/index.ts': ['./compute.js'],
        'src/indicators/compute.ts': ['../store/index.js'],
        'src/server/index.ts': ['./server.js'],
        'src/server/server.ts': ['../indicators/index.js'],
        'src/server/start.ts': ['./server.js'],
        ...extra,
      }),
    );

  it('passes a small tree that keeps the rules', () => {
    expect(
      ruleViolations(
        tree({ 'src/indicators/compute.test.ts': ['../store/testing.js', '../server/index.js'] }),
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'an import around a door',
      { 'src/indicators/compute.ts': ['../store/store.js'] },
      "around store's door",
    ],
    [
      'a test around a door',
      { 'src/server/x.test.ts': ['../store/sample.fixture.js'] },
      "around store's door",
    ],
    [
      'production code using a test door',
      { 'src/server/server.ts': ['../store/testing.js'] },
      'test code in production',
    ],
    ['a fixture in production', { 'src/store/store.ts': ['./sample.fixture.js'] }, 'test code in production'],
    [
      'an arrow against the flow',
      { 'src/store/store.ts': ['../indicators/index.js'] },
      'store may not use indicators',
    ],
    [
      'an arrow between engines not drawn',
      { 'src/forecast/index.ts': ['../indicators/index.js'] },
      'forecast may not use indicators',
    ],
    [
      'the web app reaching the store',
      { 'web/src/App.tsx': ['../../src/store/index.js'] },
      'web may not use store',
    ],
    ['a helper not named as one', { 'src/store/arbitrary.ts': ['fast-check'] }, 'a test helper not named'],
    ['a helper named the old way', { 'src/store/test-fixture.ts': [] }, 'a test helper is named'],
    ['file reading in model', { 'src/model/road.ts': ['node:fs'] }, 'model/ holds schemas'],
    [
      'a file cycle',
      { 'src/server/server.ts': ['./start.js'] },
      'import cycle: src/server/server.ts → src/server/start.ts → src/server/server.ts',
    ],
    ['a type-only cycle', { 'src/model/road.ts': ['./index.js'] }, 'import cycle'],
  ])('fails on %s', (_, extra, expected) => {
    expect(ruleViolations(tree(extra)).join('\n')).toContain(expected);
  });

  it('finds a folder cycle', () => {
    const graph = new Map([
      ['store', ['indicators']],
      ['indicators', ['store']],
      ['model', []],
    ]);
    expect(findCycle(graph)).toEqual(['store', 'indicators', 'store']);
  });
});
