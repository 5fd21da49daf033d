/** Every scenario, in the order a full run takes them (cheap and kctl-only first, the swarm-heavy ones last). */
const { replicas } = require('./replicas');
const external = require('./external');

module.exports = [
  external.startup,
  require('./validate'),
  require('./get-pods'),
  require('./noop-reapply'),
  replicas(10),
  replicas(30),
  require('./scale'),
  external.rollout,
  external.heal,
  external.zeroDowntime,
  external.footprint,
];
