import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { CASE_CHANNELS, CASE_CLASSIFICATIONS } from '#cases';
import { PROVINCES } from '#reference-data';
import type { BorderProvince } from '#shared-kernel';
import { IsCleanText, IsZonedDateTime } from '../http/dto-validators.js';
import { TEXT_LONG, TEXT_SHORT } from '../http/common.dto.js';

export class CreateCaseDto {
  @ApiProperty({ enum: CASE_CHANNELS })
  @IsIn(CASE_CHANNELS)
  channel!: (typeof CASE_CHANNELS)[number];

  @ApiProperty({ enum: PROVINCES })
  @IsIn(PROVINCES)
  province!: BorderProvince;

  @ApiProperty({ maxLength: TEXT_LONG, example: 'Hotline 111: woman from Lạng Sơn reported held in Bằng Tường' })
  @IsString()
  @IsCleanText()
  @Length(1, TEXT_LONG)
  summary!: string;

  @ApiProperty({ example: '2026-03-05T09:00:00+07:00' })
  @IsZonedDateTime()
  occurredAt!: string;

  @ApiPropertyOptional({ example: 'VN-LS-BLO' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/)
  receivingUnit?: string;
}

export class CloseCaseDto {
  @ApiProperty() @IsString() @IsCleanText() @MaxLength(TEXT_SHORT) reason!: string;
  @ApiPropertyOptional({ description: 'supervisor only: close despite open verifications or unconfirmed handovers' })
  @IsOptional()
  @IsBoolean()
  override?: boolean;
}

export class ReasonDto {
  @ApiProperty() @IsString() @IsCleanText() @MaxLength(TEXT_SHORT) reason!: string;
}

export class ClassifyCaseDto {
  @ApiProperty({ enum: CASE_CLASSIFICATIONS })
  @IsIn(CASE_CLASSIFICATIONS)
  classification!: (typeof CASE_CLASSIFICATIONS)[number];

  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MaxLength(TEXT_SHORT) note?: string;
}

export class OpenCaseDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MaxLength(TEXT_SHORT) reason?: string;
}

export class ResolveCaseDto {
  @ApiProperty() @IsString() @IsCleanText() @MaxLength(TEXT_LONG) resolution!: string;
}
