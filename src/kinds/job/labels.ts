/** The labels and annotations of Jobs and their pods (k8s.io/api/batch/v1 types.go). */
export const CONTROLLER_UID = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME = 'batch.kubernetes.io/job-name';
export const LEGACY_CONTROLLER_UID = 'controller-uid';
export const LEGACY_JOB_NAME = 'job-name';
/** On Indexed pods: the annotation (and label) with the pod's completion index. */
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
/** On a Job's pods until the Job counted them as succeeded or failed (pod tracking with finalizers). */
export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
