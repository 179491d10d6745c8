import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';
import { IsCleanText } from '../http/dto-validators.js';
import { MinPositionQueryDto } from '../read-side/read-side.dto.js';

/** A full name and every variant a registration may carry (RegisterPersonDto: 1 + 20). */
export const MAX_NAMES = 21;

export class PossibleDuplicatesQueryDto extends MinPositionQueryDto {
  @ApiProperty({
    type: [String],
    description:
      'a name of the person about to be registered, in any script; repeat for the full name and its variants (at most 21)',
    example: ['Nguyễn Thị Hoa', '阮氏花'],
  })
  // One `name=` arrives as a string, several as an array: always a list here.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray({ message: 'name is required: at least one name' })
  @ArrayMinSize(1, { message: 'name is required: at least one name' })
  @ArrayMaxSize(MAX_NAMES, { message: `at most ${MAX_NAMES} names` })
  @IsString({ each: true })
  @IsCleanText({ each: true })
  @Length(1, 200, { each: true, message: 'each name must be 1 to 200 characters' })
  name!: string[];
}

export class NameReadingDto {
  @ApiProperty({ example: 'nguyễn thị hoa' }) vietnamese!: string;
  @ApiProperty({ example: 'ruǎn shì huā' }) pinyin!: string;
}

export class MatchedNameDto {
  @ApiProperty({ description: 'one of the names the caller gave', example: '阮氏花' }) name!: string;
  @ApiProperty({ type: NameReadingDto, nullable: true, description: 'how its characters read; null when none' })
  reads!: NameReadingDto | null;
}

export class PossibleDuplicateDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({
    type: [String],
    description: 'why, in the caller’s own names only (never the candidate’s)',
    example: ['阮氏花 reads nguyễn thị hoa, pinyin ruǎn shì huā'],
  })
  evidence!: string[];
  @ApiProperty({
    type: [MatchedNameDto],
    description: 'the same evidence as data, for a screen to say in its language',
  })
  matched!: MatchedNameDto[];
}

export class PossibleDuplicatesDto {
  @ApiProperty({ type: [PossibleDuplicateDto] }) items!: PossibleDuplicateDto[];
}

/** What `POST /cases/{id}/persons` answers: where the write went, and who may be the same person. */
export class PersonRegisteredDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() revision!: string;
  @ApiProperty({ description: 'global position; pass as ?minPosition= to read your write' }) position!: string;
  @ApiProperty({
    type: [PossibleDuplicateDto],
    nullable: true,
    description:
      'persons of the case’s province, in other cases, whose names match; null when the read side had not caught up within 2 s (ask GET /cases/{id}/possible-duplicates)',
  })
  possibleDuplicates!: PossibleDuplicateDto[] | null;
}
