#!/usr/bin/env node
/** Executable entry of the `nplm` command line; see {@link main}. @module */
import { main } from './nplm.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
