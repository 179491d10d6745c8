import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isIsoWithOffset } from '#shared-kernel';

/** An ISO-8601 date-time WITH an offset: "09:00 at the gate" means nothing without its zone. */
export function IsZonedDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isZonedDateTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be an ISO-8601 date-time with an offset, e.g. 2026-03-05T09:00:00+08:00',
        ...options,
      },
      validator: { validate: (value: unknown) => isIsoWithOffset(value) },
    });
}

/** Free text that must carry something: not only whitespace, no NUL or other control characters. */
export function IsCleanText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCleanText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be non-blank text without control characters', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          value.trim().length > 0 &&
          !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value),
      },
    });
}
