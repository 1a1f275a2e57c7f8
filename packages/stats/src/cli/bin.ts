#!/usr/bin/env node
/** Executable entry of the `hep` command line; see {@link main}. @module */
import { main } from './hep.js';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
