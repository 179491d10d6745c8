import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DISCLOSURE_BASES } from '#shared-kernel';
import { IsCleanText } from './dto-validators.js';

/** On what basis a named person's data goes to a counterpart (PDPL 91/2025, cross-border transfer). */
export class DisclosureDto {
  @ApiProperty({
    enum: DISCLOSURE_BASES,
    description: "consent (the person's standing consent for this purpose and recipient) or a legal exception",
  })
  @IsIn(DISCLOSURE_BASES)
  basis!: (typeof DISCLOSURE_BASES)[number];

  @ApiPropertyOptional({ example: 'QĐ 15/2026/QĐ-VKS', description: 'required for a legal exception' })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @Length(1, 200)
  reference?: string;

  @ApiPropertyOptional({ description: "a supervisor's reason to send although consent does not stand" })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @Length(1, 500)
  overrideReason?: string;
}
