/**
 * Name and label rules of Kubernetes (k8s.io/apimachinery/pkg/util/validation), with kubectl's messages,
 * used by the checks of every object (manifests and what `kctl create` builds alike).
 * Each check returns the list of reasons a value is invalid; an empty list means valid.
 */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const IANA_SVC_NAME_CHARS = /^[-a-z0-9]+$/;

const LABEL_MAX = 63;
const SUBDOMAIN_MAX = 253;

const tooLong = (max: number) => `must be no more than ${max} characters`;

export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > LABEL_MAX) errs.push(tooLong(LABEL_MAX));
  if (!DNS1123_LABEL.test(value)) {
    errs.push("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character");
  }
  return errs;
}

export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > SUBDOMAIN_MAX) errs.push(tooLong(SUBDOMAIN_MAX));
  if (!DNS1123_SUBDOMAIN.test(value)) {
    errs.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
  }
  return errs;
}

/** `*.` and a subdomain, as an Ingress host may be (validation.IsWildcardDNS1123Subdomain). */
export function wildcardDns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > SUBDOMAIN_MAX) errs.push(tooLong(SUBDOMAIN_MAX));
  if (!value.startsWith('*.') || !DNS1123_SUBDOMAIN.test(value.slice(2))) {
    errs.push("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character");
  }
  return errs;
}

export function dns1035LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > LABEL_MAX) errs.push(tooLong(LABEL_MAX));
  if (!DNS1035_LABEL.test(value)) {
    errs.push("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character");
  }
  return errs;
}

/** Label and annotation keys: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  let name: string;
  const errs: string[] = [];
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123SubdomainErrors(prefix).map((e) => `prefix part ${e}`));
  } else {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > LABEL_MAX) errs.push(`name part ${tooLong(LABEL_MAX)}`);
  if (name.length > 0 && !QUALIFIED_NAME_PART.test(name)) {
    errs.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
  }
  return errs;
}

export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > LABEL_MAX) errs.push(tooLong(LABEL_MAX));
  if (!LABEL_VALUE.test(value)) {
    errs.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
  }
  return errs;
}

export function envVarNameErrors(value: string): string[] {
  if (ENV_VAR_NAME.test(value)) return [];
  return ["a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit"];
}

/** Keys of ConfigMap and Secret data. */
export function configKeyErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > SUBDOMAIN_MAX) errs.push(tooLong(SUBDOMAIN_MAX));
  if (!CONFIG_KEY.test(value)) errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.'");
  if (value === '.' || value === '..') errs.push(`must not be '${value}'`);
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** Container and Service port names (IANA_SVC_NAME). */
export function portNameErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 15) errs.push(tooLong(15));
  if (!IANA_SVC_NAME_CHARS.test(value)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(value)) errs.push('must contain at least one letter (a-z)');
  if (value.includes('--')) errs.push('must not contain consecutive hyphens (--)');
  if (value.startsWith('-') || value.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

export function portNumberErrors(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** The rules a metadata.name can follow; each kind's info names its own (semantics.md "Names, labels, defaults"). */
export type NameRule = 'dns1123Subdomain' | 'dns1123Label' | 'dns1035Label';

const NAME_RULES: Record<NameRule, (value: string) => string[]> = {
  dns1123Subdomain: dns1123SubdomainErrors,
  dns1123Label: dns1123LabelErrors,
  dns1035Label: dns1035LabelErrors,
};

export function objectNameErrors(rule: NameRule, name: string): string[] {
  return NAME_RULES[rule](name);
}

/** `Invalid value: "Web": <reason>` lines, kubectl's rendering of a field error. */
export function invalidValue(value: unknown, reasons: string[]): string[] {
  return reasons.map((r) => `Invalid value: ${formatValue(value)}: ${r}`);
}

/** Values inside messages are printed as kubectl prints them: strings quoted, numbers bare. */
export function formatValue(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
