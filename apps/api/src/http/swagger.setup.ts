import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The OpenAPI document is the contract the phones, the gateway and the acceptance suite read. */
export function setupSwagger(app: NestFastifyApplication): void {
  const doc = new DocumentBuilder()
    .setTitle('BLO Ledger API')
    .setDescription(
      'Cross-border anti-trafficking liaison record (Vietnam – China). Errors are application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
}
