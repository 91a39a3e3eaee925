export { connectPgRouting, loadArcs, pgDijkstraCost } from './matrix/pg-peer.fixture.js';
export { euclideanPoints } from './optimise/instances.fixture.js';
export { floydWarshall, parseCapacitated, parsePMedian } from './optimise/orlib.fixture.js';
export { seededRandom } from './optimise/random.js';
export { digiroadTestLink, type LinkAttributes } from './roads/digiroad.fixture.js';
