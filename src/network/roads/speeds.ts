import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RoadSpeeds } from '../../model/index.js';

/** The county's speeds by road class, data in config/ that it can change; the `note` there gives their source. */
const defaultRoadSpeedsPath = fileURLToPath(new URL('../../../config/road-speeds.json', import.meta.url));

export const loadRoadSpeeds = (path = defaultRoadSpeedsPath): RoadSpeeds =>
  RoadSpeeds.parse(JSON.parse(readFileSync(path, 'utf8')));
