export { generateDemoCounty } from './generate.js';
export {
  type DemoFile,
  type DemoManifest,
  filesToImport,
  type GenerateOptions,
  roadsToImport,
  transitToImport,
} from './manifest.js';
export { demoProducerNames } from './producers.js';
