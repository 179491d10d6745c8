import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import {
  CAMPAIGN_COVERAGES,
  MAX_COUNTERPARTS,
  MAX_LINKS,
  MAX_PARTICIPANTS,
  MEETING_KINDS,
  MEETING_LANGUAGES,
  OWNER_KINDS,
  RECORD_KINDS,
  SIDES,
} from '#meetings';
import { PROVINCES } from '#reference-data';
import { isUuid } from '#shared-kernel';
import { CODE_PATTERN, TEXT_LONG, TEXT_SHORT } from '../http/common.dto.js';
import { IsCleanText, IsZonedDateTime } from '../http/dto-validators.js';

const NAME = 200;

/** Clean text of at most `max` characters (each element when `each`). */
function Text(max: number, each = false): PropertyDecorator {
  return (target, key) => {
    IsString({ each })(target, key);
    IsCleanText({ each })(target, key);
    MaxLength(max, { each })(target, key);
  };
}

/** Register codes (counterpart units), one or more. */
function RegisterCodes(max: number): PropertyDecorator {
  return (target, key) => {
    IsArray()(target, key);
    ArrayMinSize(1)(target, key);
    ArrayMaxSize(max)(target, key);
    IsString({ each: true })(target, key);
    Matches(CODE_PATTERN, { each: true, message: `each value in ${String(key)} must be a register code` })(target, key);
  };
}

/** Ids of records of this service; anything else is a 400. */
function RecordIds(max: number): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(max)(target, key);
    registerDecorator({
      name: 'isRecordIds',
      target: target.constructor,
      propertyName: key as string,
      options: { message: 'each value in $property must be a UUID' },
      validator: { validate: (value: unknown) => Array.isArray(value) && value.every((v) => isUuid(v)) },
    });
  };
}

export class ParticipantDto {
  @ApiProperty({ enum: SIDES }) @IsIn(SIDES) side!: (typeof SIDES)[number];
  @ApiProperty({ example: 'Trần Văn Minh', maxLength: NAME }) @Text(NAME) name!: string;
  @ApiProperty({ example: 'Phó Giám đốc Công an tỉnh', maxLength: NAME }) @Text(NAME) role!: string;
}

/** Named apart from the handovers' MinutesDto: one OpenAPI schema name per shape, or the document merges them. */
export class MeetingMinutesDto {
  @ApiProperty({ example: 'BB-2026/04-LC-YN', description: 'where the signed bilingual minutes are filed' })
  @Text(NAME)
  reference!: string;

  @ApiProperty({ description: 'SHA-256 of the minutes file, hexadecimal' })
  @IsString()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'sha256 must be 64 hexadecimal digits' })
  sha256!: string;
}

export class RecordMeetingDto {
  @ApiProperty({ enum: MEETING_KINDS }) @IsIn(MEETING_KINDS) kind!: (typeof MEETING_KINDS)[number];

  @ApiProperty({ enum: PROVINCES, example: 'lao-cai', description: 'our side’s province: the meeting belongs to it' })
  @IsIn(PROVINCES)
  province!: string;

  @ApiProperty({
    type: [String],
    example: ['CN-YN-PSD'],
    description: 'counterpart unit codes (GET /reference/counterparts)',
  })
  @RegisterCodes(MAX_COUNTERPARTS)
  counterparts!: string[];

  @ApiProperty({ example: 'Hà Khẩu, Vân Nam', maxLength: TEXT_SHORT }) @Text(TEXT_SHORT) place!: string;
  @ApiProperty({ example: '2026-04-10T10:00:00+08:00' }) @IsZonedDateTime() heldAt!: string;

  @ApiProperty({ type: [ParticipantDto], description: 'at least one participant of each side' })
  @IsArray()
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @ValidateNested({ each: true })
  @Type(() => ParticipantDto)
  participants!: ParticipantDto[];

  @ApiProperty({ enum: MEETING_LANGUAGES, isArray: true, example: ['vi', 'zh'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEETING_LANGUAGES.length)
  @IsIn(MEETING_LANGUAGES, { each: true })
  languages!: string[];

  @ApiPropertyOptional({ type: MeetingMinutesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingMinutesDto)
  minutes?: MeetingMinutesDto;
}

export class OwnerDto {
  @ApiProperty({ enum: OWNER_KINDS }) @IsIn(OWNER_KINDS) kind!: (typeof OWNER_KINDS)[number];
  @ApiProperty({ example: 'VN-LC-BLO', description: 'a user id or a unit code of our side' }) @Text(NAME) id!: string;
}

export class LinksDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) @RecordIds(MAX_LINKS) caseIds?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) @RecordIds(MAX_LINKS) personIds?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) @RecordIds(MAX_LINKS) handoverIds?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) @RecordIds(MAX_LINKS) verificationIds?: string[];
}

export class AgreeActionDto {
  @ApiProperty({ example: 'Trao đổi danh sách người cần xác minh trước khi bàn giao', maxLength: TEXT_LONG })
  @Text(TEXT_LONG)
  what!: string;

  @ApiProperty({ type: OwnerDto }) @IsObject() @ValidateNested() @Type(() => OwnerDto) owner!: OwnerDto;

  @ApiProperty({ example: 'CN-BIS-HEKOU' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'counterpart must be a register code such as CN-GX-PSD' })
  counterpart!: string;

  @ApiProperty({ example: '2026-04-30T17:00:00+07:00' }) @IsZonedDateTime() dueAt!: string;

  @ApiPropertyOptional({ type: LinksDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LinksDto)
  links?: LinksDto;
}

export class RecordRefDto {
  @ApiProperty({ enum: RECORD_KINDS }) @IsIn(RECORD_KINDS) kind!: (typeof RECORD_KINDS)[number];
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;
}

export class CompleteActionDto {
  @ApiProperty({ type: RecordRefDto, description: 'the record that shows the action done' })
  @IsObject()
  @ValidateNested()
  @Type(() => RecordRefDto)
  fulfilledBy!: RecordRefDto;

  @ApiProperty({ example: '2026-04-18T10:00:00+07:00' }) @IsZonedDateTime() doneAt!: string;
}

export class DropActionDto {
  @ApiProperty({ maxLength: TEXT_SHORT }) @Text(TEXT_SHORT) reason!: string;
}

export class ChangeActionDueDto {
  @ApiProperty({ example: '2026-05-10T17:00:00+07:00' }) @IsZonedDateTime() newDueAt!: string;
  @ApiProperty({ maxLength: TEXT_SHORT }) @Text(TEXT_SHORT) reason!: string;
}

export class RecordCampaignDto {
  @ApiProperty({ example: 'Cao điểm tấn công trấn áp tội phạm mua bán người', maxLength: TEXT_SHORT })
  @Text(TEXT_SHORT)
  name!: string;

  @ApiProperty({ enum: PROVINCES, example: 'lang-son' }) @IsIn(PROVINCES) province!: string;

  @ApiProperty({ enum: CAMPAIGN_COVERAGES, description: 'national: counted in every province’s statistics' })
  @IsIn(CAMPAIGN_COVERAGES)
  coverage!: (typeof CAMPAIGN_COVERAGES)[number];

  @ApiProperty({ type: [String], example: ['CN-GX-PSD'] }) @RegisterCodes(MAX_COUNTERPARTS) counterparts!: string[];

  @ApiProperty({ example: '2026-04-01', description: 'first day (Vietnam), included' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a day YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-05-31', description: 'last day (Vietnam), included' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a day YYYY-MM-DD' })
  to!: string;
}

export class MeetingListQueryDto {
  @ApiPropertyOptional({ enum: PROVINCES, description: 'national readers: one province' })
  @IsOptional()
  @IsIn(PROVINCES)
  province?: string;

  @ApiPropertyOptional({ description: 'wait (bounded) until the read models reached this global position' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'minPosition must be a decimal position' })
  minPosition?: string;
}

export class MeetingStatisticsQueryDto extends MeetingListQueryDto {
  @ApiProperty({ example: '2026-Q2', description: 'YYYY-Qn | YYYY-H1 | YYYY-H2 | YYYY, cut at midnight Vietnam time' })
  @IsString()
  @Matches(/^\d{4}(?:-(?:Q[1-4]|H[12]))?$/, { message: 'period must be YYYY-Qn, YYYY-H1, YYYY-H2 or YYYY' })
  period!: string;
}
