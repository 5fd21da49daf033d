/** A DaemonSet ignores the pod template fields a Pod ignores: its one node runs the pod whatever they say. */
import { podSpecSections } from '../pod/ignored-fields';

export const ignoredSections = podSpecSections(['spec', 'template', 'spec']);
