/**
 * Loads dockerode without what kctl never uses. At require time dockerode loads ssh2 (for ssh:// engines, which
 * endpoint.ts refuses) and gRPC with its proto loader (for BuildKit sessions, which kctl never opens): about
 * 55 ms of every Docker-using command's start, measured here (`require('dockerode')` 133 ms, with this 78 ms,
 * bare node 51 ms). While dockerode loads, those three modules resolve to stand-ins that load the real module
 * the first time anything of theirs is called, constructed or read.
 */
import type Dockerode from 'dockerode';

const DEFERRED = new Set(['ssh2', '@grpc/grpc-js', '@grpc/proto-loader']);

let loaded: typeof Dockerode | undefined;

export function loadDockerode(): typeof Dockerode {
  if (loaded) return loaded;
  const Module = require('module');
  const load = Module._load;
  Module._load = function (this: unknown, request: string, ...rest: unknown[]) {
    if (!DEFERRED.has(request)) return load.call(this, request, ...rest);
    let real: any;
    const resolve = () => (real ??= load.call(this, request, ...rest));
    // ssh.js reads `require('ssh2').Client` at load time: members are deferred too, not only the module.
    return new Proxy({}, { get: (_t, key) => deferred(() => resolve()[key]) });
  };
  try {
    loaded = require('dockerode') as typeof Dockerode;
  } finally {
    Module._load = load;
  }
  return loaded;
}

/** A stand-in for a value that is only resolved when it is called, constructed or read. */
function deferred(resolve: () => any): any {
  return new Proxy(function () {}, {
    get: (_t, key) => Reflect.get(resolve(), key),
    apply: (_t, self, args) => Reflect.apply(resolve(), self, args),
    construct: (_t, args) => Reflect.construct(resolve(), args),
  });
}
