import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PRIORITIES, type Priority } from '#shared-kernel';
import { VERIFICATION_DIRECTIONS, VERIFICATION_RESULTS, VERIFICATION_SUBJECTS } from '#verifications';
import { IsCleanText, IsZonedDateTime } from '../http/dto-validators.js';
import { IsRegisterCode, TEXT_LONG, TEXT_SHORT } from '../http/common.dto.js';
import { DisclosureDto } from '../http/disclosure.dto.js';

export class RequestVerificationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') caseId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a person of that case' })
  @IsOptional()
  @IsUUID('all')
  personId?: string;

  @ApiProperty({ enum: VERIFICATION_DIRECTIONS, description: 'outgoing: we ask; incoming: the counterpart asks us' })
  @IsIn(VERIFICATION_DIRECTIONS)
  direction!: (typeof VERIFICATION_DIRECTIONS)[number];

  @ApiProperty({ example: 'CN-YN-PSD', description: 'counterpart unit code (GET /reference/counterparts)' })
  @IsRegisterCode()
  counterpart!: string;

  @ApiProperty({ enum: VERIFICATION_SUBJECTS })
  @IsIn(VERIFICATION_SUBJECTS)
  subject!: (typeof VERIFICATION_SUBJECTS)[number];

  @ApiProperty({ maxLength: TEXT_LONG, example: 'Đề nghị xác minh quốc tịch và nơi cư trú' })
  @IsString()
  @IsCleanText()
  @MaxLength(TEXT_LONG)
  questions!: string;

  @ApiPropertyOptional({
    example: '2026-03-12T17:00:00+07:00',
    description: 'when the answer is due; without it, the priority’s reply limit after occurredAt',
  })
  @IsOptional()
  @IsZonedDateTime()
  dueAt?: string;

  @ApiPropertyOptional({ enum: PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiProperty({ example: '2026-03-05T09:00:00+07:00' }) @IsZonedDateTime() occurredAt!: string;

  @ApiPropertyOptional({ example: 'Hiệp định hợp tác phòng, chống mua bán người Việt Nam – Trung Quốc' })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @MaxLength(TEXT_SHORT)
  legalBasis?: string;

  @ApiPropertyOptional({
    type: DisclosureDto,
    description: 'required for an outgoing request about a person: the basis on which their data is sent',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DisclosureDto)
  disclosure?: DisclosureDto;
}

export class ExtendVerificationDto {
  @ApiProperty({ example: '2026-03-19T17:00:00+07:00' }) @IsZonedDateTime() newDueAt!: string;
  @ApiProperty() @IsString() @IsCleanText() @MaxLength(TEXT_SHORT) reason!: string;
}

export class AnswerVerificationDto {
  @ApiProperty({ enum: VERIFICATION_RESULTS })
  @IsIn(VERIFICATION_RESULTS)
  result!: (typeof VERIFICATION_RESULTS)[number];

  @ApiProperty({ maxLength: TEXT_LONG }) @IsString() @IsCleanText() @MaxLength(TEXT_LONG) details!: string;
  @ApiProperty({ example: '2026-03-10T15:00:00+08:00' }) @IsZonedDateTime() answeredAt!: string;
}
