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
import { PERSON_ROLES } from '#persons';
import { IsBirthDate, IsCleanText } from '../http/dto-validators.js';
import { TEXT_SHORT } from '../http/common.dto.js';

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
