export { type Assignment, assignCapacitated, assignNearest, utilisation } from './assign.js';
