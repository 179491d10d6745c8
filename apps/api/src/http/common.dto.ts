import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { PROVINCES } from '#reference-data';

export const TEXT_SHORT = 500;
export const TEXT_LONG = 20_000;
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_/-]{1,63}$/;

export class ProvinceField {
  @ApiProperty({ enum: PROVINCES, example: 'lang-son' })
  @IsIn(PROVINCES)
  province!: string;
}

/** A reference code of the register (gate, counterpart unit, marker). */
export function IsRegisterCode(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    Length(2, 64)(target, key);
    Matches(CODE_PATTERN, { message: `${String(key)} must be a register code such as HUU_NGHI or CN-GX-PSD` })(
      target,
      key,
    );
  };
}
