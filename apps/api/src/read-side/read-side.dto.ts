import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PROVINCES } from '#reference-data';
import { IsCleanText, IsZonedDateTime } from '../http/dto-validators.js';

export const CASE_LIST_STATUSES = ['received', 'open', 'reopened', 'resolved', 'closed'] as const;

/** Read-your-writes: the interceptor waits for it; declared so strict query validation lets it through. */
export class MinPositionQueryDto {
  @ApiPropertyOptional({ description: 'wait (bounded) until the read models reached this global position' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'minPosition must be a decimal position' })
  minPosition?: string;
}

export class ListCasesQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ enum: CASE_LIST_STATUSES })
  @IsOptional()
  @IsIn(CASE_LIST_STATUSES)
  status?: (typeof CASE_LIST_STATUSES)[number];

  @ApiPropertyOptional({ enum: PROVINCES })
  @IsOptional()
  @IsIn(PROVINCES)
  province?: string;

  @ApiPropertyOptional({
    description:
      'words of the case summary (diacritics ignored), or a person’s name in any script (Vietnamese with or without diacritics, Chinese characters, pinyin); names only for roles that may read personal data',
    example: 'Nguyễn Thị Hoa',
  })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ description: 'opaque; the `next` of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'cursor must be a value the service returned as next' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class HistoryQueryDto extends MinPositionQueryDto {
  @ApiProperty({ example: '2026-03-06T17:00:00+07:00', description: 'the instant to replay, with its offset' })
  @IsZonedDateTime()
  asOf!: string;

  @ApiPropertyOptional({ description: 'why the history is replayed; kept in the audit record' })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @MaxLength(200)
  purpose?: string;
}
