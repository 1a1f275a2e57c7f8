export { type Axis, Histogram } from './histogram.js';
