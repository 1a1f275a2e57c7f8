#!/usr/bin/env node
/** Executable entry of the `hep` command line; see {@link main}. @module */
import { main } from './hep.js';

process.exitCode = main(process.argv.slice(2));
