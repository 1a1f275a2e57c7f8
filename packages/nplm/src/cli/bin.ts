#!/usr/bin/env node
/** Executable entry of the `nplm` command line; see {@link main}. @module */
import { main } from './nplm.js';

process.exitCode = await main(process.argv.slice(2));
