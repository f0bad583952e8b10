import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { controlCharacterPaths } from '../../common/input';

/** A schema that refuses the given paths as holding control characters, in the provider's own error shape. */
const refusePaths = (paths: string[]) =>
  z.unknown().superRefine((_value, ctx) => {
    for (const path of paths)
      ctx.addIssue({ code: 'custom', path: path === '' ? [] : path.split('.'), message: 'field.control_characters' });
  });

/**
 * The schema layer of every route: before its Zod schema runs, every string (and key) of the body, query string and
 * route parameters is checked for control characters (common/input.ts). One is a 400 naming the field, on every
 * operation at once, so none reaches a query (PostgreSQL refuses U+0000 in text), a log line or a stored record.
 * Header values are left to Node's HTTP parser, which refuses control characters itself.
 */
export const safeValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = validatorCompiler(route);
  if (route.httpPart === 'headers') return validate;
  return (data: unknown) => {
    const paths = controlCharacterPaths(data);
    if (paths.length === 0) return validate(data);
    return validatorCompiler({ ...route, schema: refusePaths(paths) })(data);
  };
};
