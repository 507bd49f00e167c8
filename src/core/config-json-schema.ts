import { z } from 'zod';
import { configSchema } from './config.js';

/** JSON Schema of `.github/readiness.yml`, for editors and for docs. */
export function configSchemaJson(): Record<string, unknown> {
  return {
    title: 'Readiness configuration (.github/readiness.yml)',
    ...z.toJSONSchema(configSchema, { io: 'input' }),
  };
}
