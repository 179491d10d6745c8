import { Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CheckpointRecorder, checkpointView, EventProofs, type CheckpointView, type EventProof } from '#integrity';
import { DomainError } from '#shared-kernel';
import { Act, onQuery } from '../http/auth.guard.js';
import { type AuthenticatedRequest, readContextOf } from '../http/request-context.js';
import { ProofQueryDto } from './integrity.dto.js';
import { integrityProblem } from './integrity.problems.js';

/**
 * Signed checkpoints and inclusion proofs (ADR 0009). The latest checkpoint is the signed head
 * only — position, roots, previous hash, time, signature — which names no record, so every
 * province may see it; a stream's head appears only inside the proof of one of its events, and
 * the proof route is scoped to the event's record like any other read.
 */
@ApiTags('integrity')
@ApiBearerAuth()
@Controller('integrity')
export class IntegrityController {
  constructor(
    @Inject(CheckpointRecorder) private readonly recorder: CheckpointRecorder,
    @Inject(EventProofs) private readonly proofs: EventProofs,
  ) {}

  @Get('checkpoints/latest')
  @Act('integrity.read')
  @ApiOkResponse({ description: '{ checkpoint: {signed head}, hash, eventId, position, publicKey, signatureValid }' })
  async latest(): Promise<CheckpointView> {
    try {
      const stored = await this.recorder.latest();
      if (!stored) throw new DomainError('INTEGRITY.NO_CHECKPOINT', 'no checkpoint has been recorded yet', 'not_found');
      return checkpointView(stored, this.recorder.signingKey);
    } catch (error) {
      throw integrityProblem(error);
    }
  }

  /** Seals the record now; the answer is the new checkpoint (also published on Kafka by the relay). */
  @Post('checkpoints')
  @Act('integrity.checkpoint')
  @HttpCode(201)
  async record(@Req() req: AuthenticatedRequest): Promise<CheckpointView> {
    const ctx = readContextOf(req);
    try {
      const stored = await this.recorder.record({
        trigger: 'on_demand',
        actor: ctx.actor,
        correlationId: ctx.correlationId,
      });
      return checkpointView(stored!, this.recorder.signingKey);
    } catch (error) {
      throw integrityProblem(error);
    }
  }

  @Get('proof')
  @Act('integrity.read', onQuery('event', 'eventId'))
  @ApiOkResponse({
    description:
      '{ checkpoint, event: { id, streamId, revision, position, hash }, inclusion: { leafIndex, treeSize, path }, streamHead: { … } }',
  })
  async proof(@Query() q: ProofQueryDto): Promise<EventProof> {
    try {
      return await this.proofs.prove(q.eventId.toLowerCase());
    } catch (error) {
      throw integrityProblem(error);
    }
  }
}
