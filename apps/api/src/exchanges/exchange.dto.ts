import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CONSENT_KINDS,
  EXCHANGE_CHANNELS,
  HANDLING_CODES,
  INFORMATION_EVALUATIONS,
  MESSAGE_DIRECTIONS,
  MESSAGE_LANGUAGES,
  SOURCE_EVALUATIONS,
} from '#exchanges';
import { PRIORITIES, type Priority } from '#shared-kernel';
import { IsCleanText, IsZonedDateTime } from '../http/dto-validators.js';
import { DisclosureDto } from '../http/disclosure.dto.js';
import { IsRegisterCode, TEXT_LONG, TEXT_SHORT } from '../http/common.dto.js';

const REFERENCE_LENGTH = 100;

export class AttachmentDto {
  @ApiProperty({ example: 'bien-ban-xac-minh.pdf' }) @IsString() @IsCleanText() @Length(1, 255) name!: string;

  @ApiProperty({ description: 'SHA-256 of the file, 64 hex digits', example: 'ab'.repeat(32) })
  @IsString()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'sha256 must be 64 hexadecimal digits' })
  sha256!: string;
}

/** Source reliability × information assessment (the 4×4 grid). */
export class EvaluationDto {
  @ApiProperty({ enum: SOURCE_EVALUATIONS }) @IsIn(SOURCE_EVALUATIONS) source!: (typeof SOURCE_EVALUATIONS)[number];

  @ApiProperty({ enum: INFORMATION_EVALUATIONS })
  @IsIn(INFORMATION_EVALUATIONS)
  information!: (typeof INFORMATION_EVALUATIONS)[number];
}

export class PersonalDataBasisDto {
  @ApiProperty({ example: 'Luật Phòng, chống mua bán người 2024, Điều 50' })
  @IsString()
  @IsCleanText()
  @MaxLength(TEXT_SHORT)
  legalBasis!: string;

  @ApiProperty({ enum: CONSENT_KINDS }) @IsIn(CONSENT_KINDS) consent!: (typeof CONSENT_KINDS)[number];
}

/** One message of a thread: the first one (with the thread's fields) or any later one. */
/** A person an outgoing message names, and the basis on which their data goes to the counterpart. */
export class NamedPersonDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') personId!: string;

  @ApiProperty({ type: DisclosureDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DisclosureDto)
  disclosure!: DisclosureDto;
}

export class ExchangeMessageDto {
  @ApiProperty({ enum: MESSAGE_DIRECTIONS }) @IsIn(MESSAGE_DIRECTIONS) direction!: (typeof MESSAGE_DIRECTIONS)[number];

  @ApiProperty({ maxLength: TEXT_SHORT, example: 'Đề nghị xác minh nhân thân / 请求核查身份' })
  @IsString()
  @IsCleanText()
  @MaxLength(TEXT_SHORT)
  subject!: string;

  @ApiProperty({ maxLength: TEXT_LONG, description: 'sealed with the exchange’s own key when stored' })
  @IsString()
  @IsCleanText()
  @MaxLength(TEXT_LONG)
  body!: string;

  @ApiProperty({ enum: MESSAGE_LANGUAGES }) @IsIn(MESSAGE_LANGUAGES) language!: (typeof MESSAGE_LANGUAGES)[number];

  @ApiProperty({ enum: HANDLING_CODES, description: 'H0 crime prevention use only … H3 other restrictions' })
  @IsIn(HANDLING_CODES)
  handlingCode!: (typeof HANDLING_CODES)[number];

  @ApiProperty({ example: '2026-03-05T09:00:00+07:00' }) @IsZonedDateTime() occurredAt!: string;

  @ApiPropertyOptional({ example: '2026-03-12T09:00:00+07:00' })
  @IsOptional()
  @IsZonedDateTime()
  responseDueAt?: string;

  @ApiPropertyOptional({ example: '123/BLO-LS' })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @MaxLength(REFERENCE_LENGTH)
  ourReference?: string;

  @ApiPropertyOptional({ example: '桂公(2026)45号' })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @MaxLength(REFERENCE_LENGTH)
  theirReference?: string;

  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({ type: EvaluationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvaluationDto)
  evaluation?: EvaluationDto;

  @ApiPropertyOptional({
    description:
      'outgoing only: a draft is sent later (…/messages/{messageId}/send), or, when the unit holds it for a ' +
      'second officer’s release (by default one with personal data), released by a colleague (…/release)',
  })
  @IsOptional()
  @IsBoolean()
  draft?: boolean;

  @ApiPropertyOptional({ default: false, description: 'whether the message carries personal data' })
  @IsOptional()
  @IsBoolean()
  carriesPersonalData?: boolean;

  @ApiPropertyOptional({
    type: PersonalDataBasisDto,
    description: 'required for an outgoing message that carries personal data (a cross-border transfer)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataBasisDto)
  personalData?: PersonalDataBasisDto;

  @ApiPropertyOptional({
    type: [NamedPersonDto],
    description:
      'outgoing: the persons of the thread’s cases the message names, each with the basis on which their data ' +
      'is sent (their consent for information exchange with this counterpart, or a legal exception)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => NamedPersonDto)
  persons?: NamedPersonDto[];

  @ApiPropertyOptional({ description: 'id of the message of the other direction this one answers' })
  @IsOptional()
  @IsUUID('all')
  inReplyTo?: string;
}

export class CreateExchangeDto extends ExchangeMessageDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'every case the thread concerns' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  caseIds!: string[];

  @ApiProperty({ example: 'CN-GX-PSD', description: 'counterpart unit code (GET /reference/counterparts)' })
  @IsRegisterCode()
  counterpart!: string;

  @ApiProperty({ enum: EXCHANGE_CHANNELS }) @IsIn(EXCHANGE_CHANNELS) channel!: (typeof EXCHANGE_CHANNELS)[number];

  @ApiPropertyOptional({
    enum: PRIORITIES,
    default: 'normal',
    description: 'urgent: replies are due by the urgent limit (DEADLINE_URGENT_REPLY)',
  })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;
}

export class AcknowledgementDto {
  @ApiProperty({ example: '2026-03-05T11:30:00+08:00' }) @IsZonedDateTime() at!: string;

  @ApiPropertyOptional({ example: 'Officer on duty, Pingxiang station' })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @MaxLength(200)
  by?: string;

  @ApiPropertyOptional({ description: 'omitted: the latest sent message still awaiting acknowledgement' })
  @IsOptional()
  @IsUUID('all')
  messageId?: string;
}

export class SendDraftDto {
  @ApiProperty({ example: '2026-03-05T09:30:00+07:00' }) @IsZonedDateTime() occurredAt!: string;
}

/**
 * Sending a draft back to its author: what to change. Free text that may name a person, so it is
 * sealed with the exchange's key and never leaves on Kafka.
 */
export class ReturnDraftDto {
  @ApiProperty({ maxLength: TEXT_SHORT, example: 'Bỏ số CCCD ở đoạn 2: đối tác chưa cần.' })
  @IsString()
  @IsCleanText()
  @Length(1, TEXT_SHORT)
  comment!: string;
}

/** What the answer to a message write adds to { id, revision, position }. */
export class MessageWriteAnswerDto {
  @ApiProperty() id!: string;
  @ApiProperty() revision!: string;
  @ApiProperty() position!: string;
  @ApiProperty({ description: 'the id of the message just logged' }) messageId!: string;
}

/** `GET /exchanges/{id}?content=none`: the thread's state without opening any message. */
export class ExchangeReadQueryDto {
  @ApiPropertyOptional({
    enum: ['full', 'none'],
    default: 'full',
    description:
      'none: subjects and bodies are not opened (shown as masked) and no read of personal data is ' +
      'recorded; for screens that only need the status and revision',
  })
  @IsOptional()
  @IsIn(['full', 'none'])
  content?: 'full' | 'none';
}
