/** `rollout history [--revision N]`: kubectl's history viewers (a Deployment's ReplicaSets, a StatefulSet's ControllerRevisions). */
import type { Factory } from '../../app/factory';
import { refName } from '../../api/kinds';
import { CHANGE_CAUSE } from '../../kinds/deployment/controller/annotations';
import { KctlError } from '../../errors';
import { getRolloutTarget, rolloutTargets } from './deployments';
import { revisionFlag } from './undo';

export async function runHistory(f: Factory, args: string[], opts: { revision?: string }): Promise<void> {
  const revision = revisionFlag(opts.revision, '--revision');
  const { tabwrite } = require('../../printers/describe/tabwriter') as typeof import('../../printers/describe/tabwriter');
  const state = f.store().read();
  for (const target of rolloutTargets(args, 'history')) {
    const history = target.rollout.history!(state, getRolloutTarget(state, target, f.namespace()));
    const ref = refName(target.kind, target.name);
    if (revision > 0) {
      const found = history.find((h) => h.revision === revision);
      if (!found) throw new KctlError('unable to find the specified revision');
      f.stdout.write(printed(ref, `with revision #${revision}\n${podTemplateText(withChangeCause(found.template, found.changeCause))}`));
      continue;
    }
    if (history.length === 0) {
      f.stdout.write(printed(ref, '\nNo rollout history found.'));
      continue;
    }
    // kubectl's tabbedString (Go's tabwriter, padding 2), then its name printer's own newline: a blank last line.
    const rows = history.map((h) => `${h.revision}\t${h.changeCause || '<none>'}\n`).join('');
    f.stdout.write(printed(ref, `\n${tabwrite(`REVISION\tCHANGE-CAUSE\n${rows}`, { minwidth: 0, padding: 2 })}`));
  }
}

/** kubectl prints the history as its name printer's "operation": `deployment.apps/web ` + the text + a newline (hence the trailing space). */
function printed(ref: string, operation: string): string {
  return `${ref} ${operation}\n`;
}

/** kubectl shows a revision's change-cause among its pod template's annotations. */
function withChangeCause(template: any, changeCause: string | undefined): any {
  if (!changeCause) return template;
  return { ...template, metadata: { ...template?.metadata, annotations: { ...template?.metadata?.annotations, [CHANGE_CAUSE]: changeCause } } };
}

/** kubectl's printTemplate: describe's `Pod Template:` section. */
function podTemplateText(template: unknown): string {
  const { DescribeWriter } = require('../../printers/describe/writer') as typeof import('../../printers/describe/writer');
  const { describePodTemplate } = require('../../printers/describe/pod-spec') as typeof import('../../printers/describe/pod-spec');
  const w = new DescribeWriter();
  describePodTemplate(w, template);
  return w.toString();
}
