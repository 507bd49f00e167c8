// The docker.* rules, in catalogue order.

import type { Rule } from '../../rule.js';
import { dockerDockerfilePresent } from './docker-dockerfile-present.js';
import { dockerDockerignore } from './docker-dockerignore.js';
import { dockerHealthcheck } from './docker-healthcheck.js';
import { dockerMultiStage } from './docker-multi-stage.js';
import { dockerNonRoot } from './docker-non-root.js';
import { dockerPinnedBase } from './docker-pinned-base.js';

export const dockerRules: Rule[] = [
  dockerDockerfilePresent,
  dockerMultiStage,
  dockerNonRoot,
  dockerHealthcheck,
  dockerPinnedBase,
  dockerDockerignore,
];
