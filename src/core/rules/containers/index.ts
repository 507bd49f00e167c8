import type { Rule } from '../../rule.js';
import { composeFilePresent } from './compose-file-present.js';
import { composeHealthchecks } from './compose-healthchecks.js';
import { composeResourceLimits } from './compose-resource-limits.js';
import { composeRestartPolicy } from './compose-restart-policy.js';
import { composeVolumes } from './compose-volumes.js';
import { dockerDockerfilePresent } from './docker-dockerfile-present.js';
import { dockerDockerignore } from './docker-dockerignore.js';
import { dockerHealthcheck } from './docker-healthcheck.js';
import { dockerMultiStage } from './docker-multi-stage.js';
import { dockerNonRoot } from './docker-non-root.js';
import { dockerPinnedBase } from './docker-pinned-base.js';

/** Rules of the containers family, in catalogue order. */
export const containersRules: Rule[] = [
  dockerDockerfilePresent,
  dockerMultiStage,
  dockerNonRoot,
  dockerHealthcheck,
  dockerPinnedBase,
  dockerDockerignore,
  composeFilePresent,
  composeHealthchecks,
  composeResourceLimits,
  composeRestartPolicy,
  composeVolumes,
];
