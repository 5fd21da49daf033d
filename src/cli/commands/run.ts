import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';
import { addTemplateFlags, addWaitFlags, collect, parseBool } from '../shared';

export function register(program: Command, f: Factory): void {
  addWaitFlags(
    addTemplateFlags(program
      .command('run')
      .description('Create and run a particular image in a pod (label run=NAME, as kubectl run): kctl run tmp --rm -i --restart=Never --image=busybox -- sh')
      .argument('[name]', 'the pod, and its container')
      .argument('[args...]', "after --: the container's arguments (its command with --command)")
      .option('--image <image>', 'the image for the container to run')
      .option('--image-pull-policy <policy>', 'Always, IfNotPresent or Never (default: by the image tag)')
      .option('--env <key=value>', 'an environment variable of the container (repeatable)', collect)
      .option('-l, --labels <labels>', 'comma-separated key=value labels of the pod (default: run=NAME)')
      .option('--annotations <key=value>', 'an annotation of the pod (repeatable)', collect)
      .option('--privileged [bool]', 'run the container privileged (securityContext.privileged)', parseBool('privileged'))
      .option('--overrides <json>', 'an inline JSON override of the generated pod (by --override-type)')
      .option('--override-type <type>', 'how --overrides alters the pod: json, merge or strategic', 'merge')
      .option('--port <port>', 'the port the container exposes')
      .option('--expose', 'also create a ClusterIP Service selecting the pod (needs --port)')
      .option('--restart <policy>', "the pod's restart policy: Always (default), OnFailure or Never")
      .option('--command', 'the words after -- are the container command instead of its arguments')
      .option('-i, --stdin', "keep the container's stdin open and pass kctl's stdin to it (attaches)")
      .option('-t, --tty', 'allocate a TTY for the container (needs -i)')
      .option('--attach [bool]', 'wait for the pod to run, then stream its output until it exits; with --restart=Never its exit code is returned (default: true with -i)', parseBool('attach'))
      .option('--rm', 'delete the pod (and its Service) after the attached container exits, or on Ctrl-C')
      .option('-q, --quiet', 'no prompt messages')
      .option('--pod-running-timeout <duration>', 'attached: how long to wait for the pod to run, and then to complete', '1m')
      .option('--dry-run [mode]', 'client|server|none')
      .option('-o, --output <format>', 'the printed objects: json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file')),
    'the pod to be ready (when not attached)',
  ).action(async (name: string | undefined, args: string[], opts) => {
    const { runRun } = require('../../ops/run') as typeof import('../../ops/run');
    await runRun(f, name, args, opts);
  });
}
