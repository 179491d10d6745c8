import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, registerDecorator } from 'class-validator';
import { GATE_HANDOVER_STATUSES, isCalendarDate, type GateHandoverStatus } from '#projections';
import { isKnownHandoverPlace } from '#reference-data';
import { MinPositionQueryDto } from '../read-side/read-side.dto.js';

/** A day of the calendar as Vietnam counts it; the range itself (order, length) is checked by the controller. */
function IsVietnamDay(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isVietnamDay',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a calendar date YYYY-MM-DD (a Vietnam day, 2000–2999)' },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/**
 * A gate of the register or a boundary marker: a misspelt code is the client's mistake, told as
 * such. The register is public reference data, so this says nothing about any handover.
 */
function IsHandoverPlace(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isHandoverPlace',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a gate code of the register (e.g. HUU_NGHI) or MARKER-<number>' },
      validator: { validate: (value: unknown) => typeof value === 'string' && isKnownHandoverPlace(value) },
    });
}

export class ListHandoversQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ example: '2026-03-05', description: 'first Vietnam day of the range; default today' })
  @IsOptional()
  @IsVietnamDay()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-04-04',
    description: 'last Vietnam day of the range (included); default 30 days after from; at most 366 days in all',
  })
  @IsOptional()
  @IsVietnamDay()
  to?: string;

  @ApiPropertyOptional({ example: 'HUU_NGHI', description: 'only this gate or marker (within what you may see)' })
  @IsOptional()
  @IsHandoverPlace()
  gate?: string;

  @ApiPropertyOptional({ enum: GATE_HANDOVER_STATUSES })
  @IsOptional()
  @IsIn(GATE_HANDOVER_STATUSES)
  status?: GateHandoverStatus;

  @ApiPropertyOptional({ description: 'opaque; the `next` of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/, { message: 'cursor must be a value the service returned as next' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
