/** kctl's own version, from package.json. */
export const VERSION: string = require('../package.json').version;
