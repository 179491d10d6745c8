import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { COUNTERPARTS, GATES, type BorderGate, type CounterpartUnit } from '#reference-data';
import { Act } from '../http/auth.guard.js';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  @Get('counterparts')
  @Act('reference.read')
  @ApiOkResponse({ description: 'Chinese counterpart units: { code, name: { vi, zh, en }, province, … }' })
  counterparts(): readonly CounterpartUnit[] {
    return COUNTERPARTS;
  }

  @Get('gates')
  @Act('reference.read')
  @ApiOkResponse({ description: 'Border gate pairs: { code, name, counterpartGate, province, … }' })
  gates(): readonly BorderGate[] {
    return GATES;
  }
}
