import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { MINUTES_LANGUAGES, ONWARD_TRANSFER_KINDS, PROPOSING_SIDES } from '#handovers';
import { isUuid } from '#shared-kernel';
import { IsCleanText, IsZonedDateTime } from '../http/dto-validators.js';
import { IsRegisterCode, TEXT_SHORT } from '../http/common.dto.js';

/** Free-text notes from the gate: a few paragraphs at most. */
const TEXT_NOTE = 2_000;
const NAME = 200;
const MAX_PERSONS = 100;

/** An id of a record of this service (lower- or upper-case UUID); anything else is a 400. */
function IsRecordId(each = false): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRecordId',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: each ? 'each value in $property must be a UUID' : '$property must be a UUID' },
      validator: {
        validate: (value: unknown) => (each ? Array.isArray(value) && value.every((v) => isUuid(v)) : isUuid(value)),
      },
    });
}

/** Clean text of at most `max` characters (each element when `each`): names, reasons, notes. */
function Text(max: number, each = false): PropertyDecorator {
  return (target, key) => {
    IsString({ each })(target, key);
    IsCleanText({ each })(target, key);
    MaxLength(max, { each })(target, key);
  };
}

export class ProposeHandoverDto {
  @ApiProperty({ format: 'uuid' }) @IsRecordId() caseId!: string;

  @ApiProperty({ example: 'HUU_NGHI', description: 'gate code of the register, or MARKER-<number>' })
  @IsRegisterCode()
  gate!: string;

  @ApiProperty({ example: 'CN-BIS-PINGXIANG' }) @IsRegisterCode() counterpart!: string;

  @ApiProperty({ enum: PROPOSING_SIDES }) @IsIn(PROPOSING_SIDES) proposedBy!: (typeof PROPOSING_SIDES)[number];

  @ApiProperty({ type: [String], format: 'uuid', description: 'persons registered in the case' })
  @IsArray()
  @ArrayMaxSize(MAX_PERSONS)
  @IsRecordId(true)
  personIds!: string[];

  @ApiProperty({ example: '2026-03-01T10:00:00+08:00' }) @IsZonedDateTime() proposedAt!: string;
}

export class ScheduleHandoverDto {
  @ApiProperty({ example: 'HUU_NGHI' }) @IsRegisterCode() gate!: string;
  @ApiProperty({ example: '2026-03-05T09:00:00+08:00' }) @IsZonedDateTime() scheduledAt!: string;
}

export class PostponeHandoverDto {
  @ApiProperty() @Text(TEXT_SHORT) reason!: string;

  @ApiPropertyOptional({ description: 'known already: the handover is rescheduled at the same gate' })
  @IsOptional()
  @IsZonedDateTime()
  newScheduledAt?: string;
}

export class CancelHandoverDto {
  @ApiProperty() @Text(TEXT_SHORT) reason!: string;
}

export class ReceivedPersonDto {
  @ApiProperty({ format: 'uuid' }) @IsRecordId() personId!: string;

  @ApiPropertyOptional({ description: 'health data: sealed with the person’s key' })
  @IsOptional()
  @Text(TEXT_NOTE)
  healthCheck?: string;

  @ApiPropertyOptional({ description: 'sealed with the person’s key' }) @IsOptional() @Text(TEXT_NOTE) notes?: string;

  @ApiPropertyOptional({ description: 'sealed with the person’s key' })
  @IsOptional()
  @Text(TEXT_NOTE)
  belongings?: string;

  @ApiPropertyOptional({ description: 'reference of the statement taken at the gate' })
  @IsOptional()
  @Text(NAME)
  statementRef?: string;

  @ApiPropertyOptional({ description: 'result of the wanted-person check: sealed with the person’s key' })
  @IsOptional()
  @Text(TEXT_SHORT)
  wantedCheck?: string;
}

export class NotReceivedPersonDto {
  @ApiProperty({ format: 'uuid' }) @IsRecordId() personId!: string;
  @ApiProperty({ description: 'sealed with the person’s key' }) @Text(TEXT_SHORT) reason!: string;
}

export class MinutesDto {
  @ApiProperty({ example: '07/BB-ĐBP' }) @IsString() @IsCleanText() @Length(1, 100) number!: string;
  @ApiProperty({ example: '2026-03-05T09:40:00+08:00' }) @IsZonedDateTime() signedAt!: string;

  @ApiProperty({ enum: MINUTES_LANGUAGES, isArray: true })
  @IsArray()
  @ArrayMaxSize(MINUTES_LANGUAGES.length)
  @IsIn(MINUTES_LANGUAGES, { each: true })
  languages!: (typeof MINUTES_LANGUAGES)[number][];

  @ApiPropertyOptional({ description: 'SHA-256 (hex) of the scanned, signed minutes' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'scanSha256 must be 64 hexadecimal characters' })
  scanSha256?: string;
}

export class ConfirmHandoverDto {
  @ApiProperty({ example: '2026-03-05T09:10:00+08:00' }) @IsZonedDateTime() conductedAt!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @Text(NAME, true)
  vnOfficers!: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @Text(NAME, true)
  cnOfficers!: string[];

  @ApiProperty({ type: [ReceivedPersonDto] })
  @IsArray()
  @ArrayMaxSize(MAX_PERSONS)
  @ValidateNested({ each: true })
  @Type(() => ReceivedPersonDto)
  received!: ReceivedPersonDto[];

  @ApiPropertyOptional({ type: [NotReceivedPersonDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PERSONS)
  @ValidateNested({ each: true })
  @Type(() => NotReceivedPersonDto)
  notReceived?: NotReceivedPersonDto[];

  @ApiProperty({ type: MinutesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MinutesDto)
  minutes!: MinutesDto;
}

export class OnwardTransferDto {
  @ApiProperty({ format: 'uuid' }) @IsRecordId() personId!: string;

  @ApiProperty({ example: 'Trung tâm Công tác xã hội tỉnh Lạng Sơn', description: 'the receiving unit' })
  @Text(NAME)
  toUnit!: string;

  @ApiProperty({ example: '2026-03-05T15:00:00+07:00' }) @IsZonedDateTime() at!: string;

  @ApiPropertyOptional({ enum: ONWARD_TRANSFER_KINDS, default: 'other' })
  @IsOptional()
  @IsIn(ONWARD_TRANSFER_KINDS)
  toKind?: (typeof ONWARD_TRANSFER_KINDS)[number];
}
