import { Module } from '@nestjs/common';
import { IntegrityController } from './integrity.controller.js';

/** The integrity routes; the recorder, proofs and index come from the global IntegrityModule. */
@Module({ controllers: [IntegrityController] })
export class IntegrityHttpModule {}
