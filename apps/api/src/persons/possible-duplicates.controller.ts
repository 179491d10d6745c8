import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Act, onParam } from '../http/auth.guard.js';
import type { AuthenticatedRequest } from '../http/request-context.js';
import { UuidParamPipe } from '../http/uuid-param.pipe.js';
import type { PossibleDuplicate } from '#projections';
import { PossibleDuplicatesFinder } from './possible-duplicates.finder.js';
import { PossibleDuplicatesDto, PossibleDuplicatesQueryDto } from './possible-duplicates.dto.js';

/**
 * What the registration form asks while the officer types a name: the persons of this case's
 * province (never another's) whose names match, so the officer can open and link one instead of
 * registering the same person twice. Read side: it follows writes within moments (`?minPosition=`
 * waits for a given write).
 */
@ApiTags('persons')
@ApiBearerAuth()
@Controller('cases')
export class PossibleDuplicatesController {
  constructor(private readonly duplicates: PossibleDuplicatesFinder) {}

  @Get(':id/possible-duplicates')
  @Act('person.duplicates', onParam('case'))
  @ApiOkResponse({ type: PossibleDuplicatesDto })
  async list(
    @Param('id', UuidParamPipe) caseId: string,
    @Query() query: PossibleDuplicatesQueryDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<PossibleDuplicatesDto> {
    return toDuplicatesDto(await this.duplicates.find(req, caseId, query.name));
  }
}

export const toDuplicatesDto = (items: readonly PossibleDuplicate[]): PossibleDuplicatesDto => ({
  items: items.map((d) => ({
    caseId: d.caseId,
    personId: d.personId,
    evidence: [...d.evidence],
    matched: d.matched.map((m) => ({ name: m.name, reads: m.reads ? { ...m.reads } : null })),
  })),
});
