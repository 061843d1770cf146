'use strict';

// The server half is TypeScript under server/src; the app's own compile (strapi build, develop,
// compileStrapi) emits it under dist/, which is where Strapi's dirs point at run time.
const path = require('path');

const compiled = require(path.join(strapi.dirs.dist.src, 'plugins', 'comments', 'server', 'src'));

module.exports = compiled.default || compiled;
