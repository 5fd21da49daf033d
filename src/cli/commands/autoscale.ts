import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addTemplateFlags } from '../shared';

export function register(program: Command, f: Factory): void {
  addTemplateFlags(program
    .command('autoscale')
    .description('Create a HorizontalPodAutoscaler for a Deployment: kctl autoscale deployment/web --min 2 --max 6 --cpu-percent 50')
    .argument('<resources...>', 'TYPE NAME or TYPE/NAME')
    .option('--min <pods>', 'lower limit for the number of pods (default 1)')
    .option('--max <pods>', 'upper limit for the number of pods (required)')
    .option('--cpu-percent <percent>', 'target average CPU utilization over all the pods, in percent of their requests (default 80)')
    .option('--name <name>', 'name of the autoscaler (default: the target\'s name)')
    .option('--dry-run [strategy]', 'none, client or server: print what would be created', 'none')
    .option('-o, --output <format>', 'the printed object: json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'))
    .action(async (resources: string[], opts) => {
      const { runAutoscale } = require('../../ops/autoscale') as typeof import('../../ops/autoscale');
      await runAutoscale(f, resources, opts);
    });
}
