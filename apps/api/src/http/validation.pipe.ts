import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, badRequest } from './problem.js';

function flatten(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Whitelisting with forbidNonWhitelisted turns unknown fields into a 400 instead of dropping
 * them silently: a client that misspells a field must learn it, not lose the data.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badRequest('REQUEST.INVALID', 'The request has invalid fields.', flatten(errors)),
  });
}
