import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ROLES } from '#shared-kernel';
import { IsCleanText } from '../http/dto-validators.js';

// The rules on names, units, provinces, gates and passwords are the account's own (libs/accounts):
// these DTOs only make sure the shapes arrive, so a refusal names the rule with its stable code.
const PASSWORD_DOC = 'at least 12 characters; never stored, logged or recorded, only its Argon2id hash';

export class SignInDto {
  @ApiProperty({ example: 'hoa.nguyen' }) @IsString() @Length(1, 200) username!: string;
  // No minimum here: a short password is a wrong password, answered like any other.
  @ApiProperty({ example: 'correct horse battery staple' }) @IsString() @Length(1, 1024) password!: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'hoa.nguyen', description: 'lower-case a-z 0-9 . _ -, starting with a letter' })
  @IsString()
  @Length(2, 64)
  username!: string;

  @ApiProperty({ example: 'Nguyễn Thị Hoa' }) @IsString() @IsCleanText() @Length(1, 200) name!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['liaison_officer'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(ROLES, { each: true })
  roles!: (typeof ROLES)[number][];

  @ApiProperty({ example: 'VN-LS-BLO' }) @IsString() @Length(2, 64) unit!: string;

  @ApiProperty({ example: 'lang-son', description: 'a border province, or * for a national unit' })
  @IsString()
  @Length(1, 32)
  province!: string;

  @ApiPropertyOptional({
    example: ['HUU_NGHI'],
    description: 'gate codes of the register; required for a border guard',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  gates?: string[];

  @ApiProperty({ description: PASSWORD_DOC }) @IsString() @MaxLength(1024) password!: string;
}

export class ChangeRolesDto {
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(ROLES, { each: true })
  grant?: (typeof ROLES)[number][];

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(ROLES, { each: true })
  revoke?: (typeof ROLES)[number][];
}

export class ChangeGatesDto {
  @ApiProperty({ example: ['HUU_NGHI', 'TAN_THANH'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  gates!: string[];
}

export class DisableUserDto {
  @ApiPropertyOptional({ example: 'chuyển công tác' })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @Length(1, 500)
  reason?: string;
}

export class PasswordDto {
  @ApiProperty({ description: PASSWORD_DOC }) @IsString() @MaxLength(1024) password!: string;
}
