import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUuid } from '#shared-kernel';
import { badRequest } from './problem.js';

/** Path ids are UUIDs; anything else is the client's mistake (400), not a missing record. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value))
      throw badRequest('REQUEST.INVALID_ID', 'The id in the path is not a UUID.', [
        { field: 'id', message: 'id must be a UUID' },
      ]);
    return value.toLowerCase();
  }
}
