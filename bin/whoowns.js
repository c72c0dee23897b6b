#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is TypeScript compiled to dist/ by `npm run build` (run by npm install).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'src', 'cli.js');
if (!fs.existsSync(entry)) {
  console.error('whoowns: not built yet. Run `npm install` (or `npm run build`) in ' + path.join(__dirname, '..'));
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    if (typeof code === 'number') process.exitCode = code;
  })
  .catch((error) => {
    console.error('whoowns: ' + (error && error.message ? error.message : String(error)));
    process.exitCode = 1;
  });
