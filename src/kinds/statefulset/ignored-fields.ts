/** A StatefulSet ignores the pod template fields a Pod ignores. */
import { podSpecSections } from '../pod/ignored-fields';

export const ignoredSections = podSpecSections(['spec', 'template', 'spec']);
