import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

export function register(program: Command, f: Factory): void {
  const top = program
    .command('top')
    .description("What pods use now, from Docker's stats: kctl top (the namespace), kctl top pods")
    .option('-A, --all-namespaces', 'every namespace')
    .option('--no-headers', "don't print headers")
    .action(async (opts) => {
      const { runTopNamespace } = require('../../ops/top') as typeof import('../../ops/top');
      await runTopNamespace(f, opts);
    });
  top
    .command('pods')
    .alias('pod')
    .alias('po')
    .description('CPU (cores) and memory (bytes) of each pod with running containers')
    .argument('[name]', 'one pod')
    .option('-l, --selector <selector>', 'label selector (app=web,tier!=db)')
    .option('-A, --all-namespaces', 'pods of every namespace')
    .option('--containers', 'one line per container')
    .option('--sort-by <field>', 'cpu or memory (highest first)')
    .option('--no-headers', "don't print headers")
    .action(async (name: string | undefined, opts) => {
      const { runTopPods } = require('../../ops/top') as typeof import('../../ops/top');
      // -A and --no-headers are `top`'s options too, and commander gives them to whichever comes first.
      const parent = top.opts();
      await runTopPods(f, name, { ...opts, allNamespaces: opts.allNamespaces || parent.allNamespaces, headers: opts.headers && parent.headers });
    });
}
