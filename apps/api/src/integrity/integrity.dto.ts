import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ProofQueryDto {
  @ApiProperty({ format: 'uuid', description: 'the event to prove (its id, as in a timeline or history entry)' })
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId!: string;
}
