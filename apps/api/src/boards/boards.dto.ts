import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PROVINCES } from '#reference-data';
import { IsCleanText, IsZonedDateTime } from '../http/dto-validators.js';

const POSITION = /^\d{1,19}$/;
const DURATION = /^P(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/;

/** Every board GET accepts the read-your-writes position (the projections wait until they reached it). */
class ReadYourWrites {
  @ApiPropertyOptional({ description: 'wait (bounded) until the read models reached this global position' })
  @IsOptional()
  @Matches(POSITION, { message: 'minPosition must be a decimal position' })
  minPosition?: string;
}

export class DeadlinesQueryDto extends ReadYourWrites {
  @ApiPropertyOptional({ enum: PROVINCES, description: 'only clocks of cases of this province' })
  @IsOptional()
  @IsIn(PROVINCES)
  province?: string;

  @ApiPropertyOptional({
    example: 'P2D',
    description: 'ISO-8601 duration (weeks, days, hours, minutes, seconds): clocks due within it are "due soon"',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(DURATION, { message: 'within must be an ISO-8601 duration such as P2D or PT8H' })
  within?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 200, description: 'entries per list (totals count all)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export const STATISTICS_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type StatisticsFormat = (typeof STATISTICS_FORMATS)[number];

export class StatisticsQueryDto extends ReadYourWrites {
  @ApiProperty({ example: '2026-Q1', description: 'YYYY-Qn | YYYY-H1 | YYYY-H2 | YYYY, cut at midnight Vietnam time' })
  @IsString()
  @Matches(/^\d{4}(?:-(?:Q[1-4]|H[12]))?$/, { message: 'period must be YYYY-Qn, YYYY-H1, YYYY-H2 or YYYY' })
  period!: string;

  @ApiPropertyOptional({ enum: STATISTICS_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(STATISTICS_FORMATS)
  format?: StatisticsFormat;

  @ApiPropertyOptional({ enum: PROVINCES })
  @IsOptional()
  @IsIn(PROVINCES)
  province?: string;

  @ApiPropertyOptional({ description: 'why the statistics are exported; kept in the audit trail' })
  @IsOptional()
  @IsCleanText()
  @MaxLength(200)
  purpose?: string;
}

export class AuditQueryDto extends ReadYourWrites {
  @ApiPropertyOptional({ description: 'the person, case or statistics subject the entry is about' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'subjectId must be an id' })
  subjectId?: string;

  @ApiPropertyOptional({ description: 'user id (token subject) of who acted' })
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7E]{1,200}$/, { message: 'actor must be a user id' })
  actor?: string;

  @ApiPropertyOptional({ example: '2026-03-01T00:00:00+07:00', description: 'recorded at or after (with offset)' })
  @IsOptional()
  @IsZonedDateTime()
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01T00:00:00+07:00', description: 'recorded before (with offset)' })
  @IsOptional()
  @IsZonedDateTime()
  to?: string;

  @ApiPropertyOptional({ description: 'opaque cursor from the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'cursor must be a cursor returned by this endpoint' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
