import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import {
  EXPLOITATION_TYPES,
  INDICATOR_RESULTS,
  REFERRAL_DECLINE_REASONS,
  REFERRAL_EXEMPTIONS,
  REFERRAL_SERVICES,
  SCREENING_GROUPS,
  SUPPORT_KINDS,
  UNIT_NAME_MAX,
} from '#persons';
import { IsCleanText, IsZonedDateTime } from '../http/dto-validators.js';

/** Notes are sealed with the person's key before they reach any event; 2 000 characters is a page. */
const NOTE_MAX = 2000;

export class RecordSupportDto {
  @ApiProperty({ enum: SUPPORT_KINDS }) @IsIn(SUPPORT_KINDS) kind!: (typeof SUPPORT_KINDS)[number];

  @ApiProperty({ example: 'Trung tâm Y tế huyện Văn Lãng', description: 'the unit or organisation that gave it' })
  @IsString()
  @IsCleanText()
  @Length(1, UNIT_NAME_MAX)
  provider!: string;

  @ApiProperty({ example: '2026-03-05T09:00:00+07:00', description: 'when it was given' })
  @IsZonedDateTime()
  occurredAt!: string;

  @ApiPropertyOptional({ description: 'free text about the support; sealed with the person’s key' })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @Length(1, NOTE_MAX)
  note?: string;
}

export class MakeReferralDto {
  @ApiProperty({ enum: REFERRAL_SERVICES }) @IsIn(REFERRAL_SERVICES) service!: (typeof REFERRAL_SERVICES)[number];

  @ApiPropertyOptional({
    example: 'Cơ sở Bảo trợ xã hội tỉnh Lạng Sơn',
    description: 'the receiving unit; required except for a referral to the family (names go in the note)',
  })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @Length(1, UNIT_NAME_MAX)
  receivingUnit?: string;

  @ApiPropertyOptional({
    enum: REFERRAL_EXEMPTIONS,
    description: 'why consent for referral_to_services is not needed; without it, consent must stand',
  })
  @IsOptional()
  @IsIn(REFERRAL_EXEMPTIONS)
  exemption?: (typeof REFERRAL_EXEMPTIONS)[number];

  @ApiProperty({ example: '2026-03-05T10:00:00+07:00' }) @IsZonedDateTime() occurredAt!: string;

  @ApiPropertyOptional({ description: 'free text (e.g. the relatives a child returns to); sealed' })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @Length(1, NOTE_MAX)
  note?: string;
}

export const REFERRAL_ANSWERS = ['accepted', 'declined'] as const;

export class AnswerReferralDto {
  @ApiProperty({ enum: REFERRAL_ANSWERS }) @IsIn(REFERRAL_ANSWERS) answer!: (typeof REFERRAL_ANSWERS)[number];

  @ApiPropertyOptional({ enum: REFERRAL_DECLINE_REASONS, description: 'required when declined' })
  @IsOptional()
  @IsIn(REFERRAL_DECLINE_REASONS)
  reason?: (typeof REFERRAL_DECLINE_REASONS)[number];

  @ApiProperty({ example: '2026-03-06T09:00:00+07:00' }) @IsZonedDateTime() occurredAt!: string;
}

export class CompleteReferralDto {
  @ApiProperty({ example: '2026-03-20T09:00:00+07:00' }) @IsZonedDateTime() occurredAt!: string;
}

export class RecordScreeningDto {
  @ApiProperty({ enum: SCREENING_GROUPS }) @IsIn(SCREENING_GROUPS) group!: (typeof SCREENING_GROUPS)[number];

  @ApiProperty({ enum: EXPLOITATION_TYPES, isArray: true, description: 'CTDC / HTCDS exploitation types' })
  @IsArray()
  @ArrayMaxSize(EXPLOITATION_TYPES.length)
  @IsIn(EXPLOITATION_TYPES, { each: true })
  exploitationTypes!: (typeof EXPLOITATION_TYPES)[number][];

  @ApiProperty({ enum: INDICATOR_RESULTS }) @IsIn(INDICATOR_RESULTS) result!: (typeof INDICATOR_RESULTS)[number];

  @ApiProperty({ example: '2026-03-05T09:00:00+07:00' }) @IsZonedDateTime() occurredAt!: string;
}
