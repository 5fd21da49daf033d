import type { Command } from '@commander-js/extra-typings';
import type { Factory } from '../../app/factory';

type Register = (rollout: Command, f: Factory) => void;

const subcommands: Register[] = [
  require('./rollout/history').register,
  require('./rollout/pause').register,
  require('./rollout/restart').register,
  require('./rollout/resume').register,
  require('./rollout/status').register,
  require('./rollout/undo').register,
];

export function register(program: Command, f: Factory): void {
  const rollout = program.command('rollout').description('Manage the rollout of a Deployment, StatefulSet or DaemonSet: status, history, undo, pause, resume, restart');
  for (const register of subcommands) register(rollout, f);
}
