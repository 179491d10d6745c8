import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { PRIORITIES, type Priority } from '#shared-kernel';
import { IsCleanText } from './dto-validators.js';
import { TEXT_SHORT } from './common.dto.js';

/** A new priority for an exchange or a verification request, and why (issue 11). */
export class PriorityChangeDto {
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) priority!: Priority;

  @ApiProperty({ maxLength: TEXT_SHORT, example: 'Nạn nhân có nguy cơ bị đưa đi nơi khác' })
  @IsString()
  @IsCleanText()
  @Length(1, TEXT_SHORT)
  reason!: string;
}
