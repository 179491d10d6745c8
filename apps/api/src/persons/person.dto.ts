import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CONSENT_DECISIONS, CONSENT_GIVERS, CONSENT_PURPOSES, PERSON_ROLES, REFERRAL_SERVICES } from '#persons';
import { IsBirthDate, IsCleanText, IsZonedDateTime } from '../http/dto-validators.js';
import { CODE_PATTERN, TEXT_SHORT } from '../http/common.dto.js';

export class NameVariantDto {
  @ApiProperty({ example: 'zh-Hans', description: 'vi-Latn, zh-Hans, zh-Latn-pinyin, en-Latn …' })
  @IsString()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/)
  script!: string;

  @ApiProperty({ example: '阮氏花' }) @IsString() @IsCleanText() @Length(1, 200) value!: string;
}

export class IdentityDocumentDto {
  @ApiProperty({ example: 'passport' }) @IsString() @IsCleanText() @Length(1, 50) kind!: string;
  @ApiProperty({ example: 'C1234567' }) @IsString() @IsCleanText() @Length(1, 50) number!: string;
}

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

export class RegisterPersonDto {
  @ApiProperty({ enum: PERSON_ROLES }) @IsIn(PERSON_ROLES) role!: (typeof PERSON_ROLES)[number];

  @ApiProperty({ example: 'Nguyễn Thị Hoa' }) @IsString() @IsCleanText() @Length(1, 200) fullName!: string;

  @ApiPropertyOptional({ type: [NameVariantDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => NameVariantDto)
  nameVariants?: NameVariantDto[];

  @ApiPropertyOptional({ enum: SEXES }) @IsOptional() @IsIn(SEXES) sex?: (typeof SEXES)[number];

  @ApiPropertyOptional({ example: '2004-05-17', description: 'YYYY-MM-DD, or YYYY-MM / YYYY when only that is known' })
  @IsOptional()
  @IsString()
  @IsBirthDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: 'VN', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  nationality?: string;

  @ApiPropertyOptional({ type: [IdentityDocumentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IdentityDocumentDto)
  documents?: IdentityDocumentDto[];
}

export class ConfirmVictimDto {
  @ApiProperty({ type: [String], description: 'evidence bases of Art. 32, Law 53/2024' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(TEXT_SHORT, { each: true })
  evidenceBases!: string[];

  @ApiPropertyOptional({ description: 'reference of the confirming document (Art. 33)' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_SHORT)
  documentRef?: string;
}

export class IdentificationNoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MaxLength(TEXT_SHORT) basis?: string;
}

/** A register code (upper case), or a referral service code (see REFERRAL_SERVICES). */
const RECIPIENT = new RegExp(`^(?:${CODE_PATTERN.source.slice(1, -1)}|${REFERRAL_SERVICES.join('|')})$`);

export class RecordConsentDto {
  @ApiProperty({ enum: CONSENT_DECISIONS }) @IsIn(CONSENT_DECISIONS) decision!: (typeof CONSENT_DECISIONS)[number];

  @ApiProperty({ enum: CONSENT_PURPOSES }) @IsIn(CONSENT_PURPOSES) purpose!: (typeof CONSENT_PURPOSES)[number];

  @ApiProperty({
    example: 'CN-GX-PSD',
    description:
      'the recipient unit (GET /reference/counterparts), or for referral_to_services the service code (social_protection_centre …)',
  })
  @IsString()
  @Length(2, 64)
  @Matches(RECIPIENT, { message: 'recipient must be a register code such as CN-GX-PSD or a referral service code' })
  recipient!: string;

  @ApiProperty({ enum: CONSENT_GIVERS, description: 'under 18 the legal representative decides' })
  @IsIn(CONSENT_GIVERS)
  givenBy!: (typeof CONSENT_GIVERS)[number];

  @ApiPropertyOptional({ description: 'SHA-256 of the signed form; required when consent is given' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'formSha256 must be 64 hexadecimal digits' })
  formSha256?: string;

  @ApiProperty({ example: '2026-03-05T09:00:00+07:00', description: 'when the decision was expressed' })
  @IsZonedDateTime()
  occurredAt!: string;
}

export class WithdrawConsentDto {
  @ApiProperty({ example: '2026-03-20T10:00:00+07:00' }) @IsZonedDateTime() occurredAt!: string;
}

export class LegalHoldDto {
  @ApiProperty({ example: 'VKS-LS 12/2026', description: 'reference of the proceedings that need the data kept' })
  @IsString()
  @IsCleanText()
  @Length(1, 200)
  proceedingsRef!: string;
}
