import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Act, onParam } from '../http/auth.guard.js';
import type { AuthenticatedRequest } from '../http/request-context.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import { MinPositionQueryDto } from '../read-side/read-side.dto.js';
import { PossibleDuplicatesFinder } from './possible-duplicates.finder.js';
import { PossibleDuplicatesDto } from './possible-duplicates.dto.js';
import { toDuplicatesDto } from './possible-duplicates.controller.js';

/**
 * Possible duplicates of the persons an incoming counterpart message names as data (gateway
 * contract `persons`, ADR 0013 addendum 2): the same search as at registration, computed when
 * read and only in the provinces of the thread the caller may see, so a candidate recorded later
 * is offered too and none crosses a province. The answer names no candidate.
 */
@ApiTags('exchanges')
@ApiBearerAuth()
@Controller('exchanges')
export class MessageDuplicatesController {
  constructor(private readonly duplicates: PossibleDuplicatesFinder) {}

  @Get(':id/messages/:messageId/possible-duplicates')
  @Act('person.duplicates', onParam('exchange'))
  @ApiOkResponse({
    type: PossibleDuplicatesDto,
    description: 'empty when the message names nobody as data, or the caller may not read personal data',
  })
  async list(
    @Param('id', UuidParamPipe) exchangeId: string,
    @Param('messageId', UuidParamPipe) messageId: string,
    // Only ?minPosition= (read your write); anything else is refused by strict query validation.
    @Query() _read: MinPositionQueryDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<PossibleDuplicatesDto> {
    return toDuplicatesDto(await this.duplicates.forMessage(req, exchangeId, messageId.toLowerCase()));
  }
}
