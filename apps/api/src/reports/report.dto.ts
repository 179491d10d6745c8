import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NARRATIVE_MAX_CHARS, REPORT_SECTIONS } from '#reports';
import { PROVINCES } from '#reference-data';
import { IsCleanText } from '../http/dto-validators.js';

const POSITION = /^\d{1,19}$/;
/** The shape of a period code; whether the days exist is the parser's (422 REPORT.INVALID_PERIOD). */
const PERIOD = /^\d{4}(?:-(?:Q[1-4]|H[12]|Y))?$|^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/;
const PERIOD_HELP = 'YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-Y (or YYYY), or an ad hoc range of days YYYY-MM-DD_YYYY-MM-DD';

export class OpenReportDto {
  @ApiProperty({ enum: PROVINCES })
  @IsIn(PROVINCES)
  province!: string;

  @ApiProperty({ example: '2026-Q1', description: `${PERIOD_HELP}; cut at midnight Vietnam time, last day included` })
  @IsString()
  @Matches(PERIOD, { message: `period must be ${PERIOD_HELP}` })
  period!: string;
}

export class NarrativeDto {
  @ApiProperty({ enum: REPORT_SECTIONS })
  @IsIn(REPORT_SECTIONS)
  section!: (typeof REPORT_SECTIONS)[number];

  @ApiProperty({ maxLength: NARRATIVE_MAX_CHARS, description: 'the section’s text; aggregate prose, no personal data' })
  @IsString()
  @IsCleanText()
  @MaxLength(NARRATIVE_MAX_CHARS)
  text!: string;
}

class SignerDto {
  @ApiProperty({ example: 'Trần Thu' }) @IsString() @IsCleanText() @MaxLength(200) name!: string;
  @ApiProperty({ example: 'Trưởng Văn phòng' }) @IsString() @IsCleanText() @MaxLength(200) title!: string;
}

export class SubmitReportDto {
  @ApiProperty({ example: '15/BC-BLO', description: 'the document’s number' })
  @IsString()
  @IsCleanText()
  @MaxLength(60)
  number!: string;

  @ApiProperty({ example: 'Lạng Sơn', description: 'place of issue printed before the date' })
  @IsString()
  @IsCleanText()
  @MaxLength(120)
  place!: string;

  @ApiProperty({ type: [String], example: ['Ban Chỉ đạo 138/CP', 'Lưu: VT'], description: 'Nơi nhận' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsCleanText({ each: true })
  @MaxLength(200, { each: true })
  recipients!: string[];

  @ApiProperty({ type: SignerDto })
  @ValidateNested()
  @Type(() => SignerDto)
  signer!: SignerDto;
}

export class ReportsQueryDto {
  @ApiProperty({ example: 2026, description: 'reports whose period begins in this year' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ enum: PROVINCES, description: 'a national reader may ask for one province' })
  @IsOptional()
  @IsIn(PROVINCES)
  province?: string;

  @ApiPropertyOptional({ description: 'wait (bounded) until the read models reached this global position' })
  @IsOptional()
  @Matches(POSITION, { message: 'minPosition must be a decimal position' })
  minPosition?: string;
}

export class ReportStatusQueryDto {
  @ApiProperty({ example: '2026-Q1' })
  @IsString()
  @Matches(PERIOD, { message: `period must be ${PERIOD_HELP}` })
  period!: string;

  @ApiPropertyOptional({ description: 'wait (bounded) until the read models reached this global position' })
  @IsOptional()
  @Matches(POSITION, { message: 'minPosition must be a decimal position' })
  minPosition?: string;
}
