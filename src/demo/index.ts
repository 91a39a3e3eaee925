export { generateDemoCounty } from './generate.js';
export {
  type DemoFile,
  type DemoManifest,
  filesToImport,
  type GenerateOptions,
  roadsToImport,
} from './manifest.js';
export { demoProducerNames } from './producers.js';
