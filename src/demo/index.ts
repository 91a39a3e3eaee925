export { generateDemoCounty } from './generate.js';
export type { DemoFile, DemoManifest, GenerateOptions } from './manifest.js';
