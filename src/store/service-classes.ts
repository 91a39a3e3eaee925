import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ServiceClass, ServiceClassCatalogue } from '../model/index.js';

/** The built-in service-class catalogue, kept as data in config/ so that a county can read and extend it. */
const defaultServiceClassesPath = fileURLToPath(
  new URL('../../config/service-classes.json', import.meta.url),
);

export const loadServiceClasses = (path = defaultServiceClassesPath): ServiceClass[] =>
  ServiceClassCatalogue.parse(JSON.parse(readFileSync(path, 'utf8')));
