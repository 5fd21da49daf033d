/**
 * Field selectors (`--field-selector status.phase=Running,metadata.name!=web`), as the API server's
 * fields.ParseSelector reads them: terms split on unescaped commas, each `field=value`, `field==value` or
 * `field!=value`. Which fields a kind can be selected by is the kind's (KindDefinition.fieldLabels); every kind
 * has metadata.name and metadata.namespace, as on a cluster.
 */
import type { KObject } from './types';
import { UsageError } from '../errors';

export interface FieldRequirement {
  field: string;
  value: string;
  equals: boolean;
}

export type FieldLabels = Record<string, (obj: KObject) => string>;

const COMMON: FieldLabels = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
};

export function parseFieldSelector(text: string): FieldRequirement[] {
  return splitUnescaped(text, ',')
    .filter((term) => term !== '')
    .map((term) => {
      const m = /^(.*?)(!=|==|=)(.*)$/s.exec(term);
      if (!m || m[1] === '') throw new UsageError(`invalid selector: '${text}'; can't understand '${term}'`);
      return { field: unescape(m[1]), equals: m[2] !== '!=', value: unescape(m[3]) };
    });
}

/** Throws the API server's refusal for a field the kind cannot be selected by. */
export function fieldMatcher(requirements: FieldRequirement[], kindLabels: FieldLabels | undefined, plural: string): (obj: KObject) => boolean {
  const labels = { ...COMMON, ...kindLabels };
  for (const r of requirements) {
    if (!Object.prototype.hasOwnProperty.call(labels, r.field)) {
      throw new UsageError(`field label not supported: ${r.field}`, `${plural} can be selected by ${Object.keys(labels).join(', ')}`);
    }
  }
  return (obj) => requirements.every((r) => (labels[r.field](obj) === r.value) === r.equals);
}

function splitUnescaped(text: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      cur += text[i] + text[++i];
    } else if (text[i] === sep) {
      out.push(cur);
      cur = '';
    } else cur += text[i];
  }
  out.push(cur);
  return out;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
