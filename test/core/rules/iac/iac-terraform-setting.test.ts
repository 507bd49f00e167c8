import { describe, expect, it } from 'vitest';
import { iacTerraformSetting } from '../../../../src/core/rules/iac/iac-terraform-setting.js';
import { judgeOne, matches } from '../../../support/rule-harness.js';

const RDS = `resource "aws_db_instance" "main" {
  multi_az                = true
  storage_encrypted       = true
  backup_retention_period = 7
  deletion_protection     = var.protect
}

variable "instance_type" {
  default = "t3.small"
}
`;

describe('iac.terraform-setting', () => {
  it('passes named settings, written attributes and variable defaults on their lines', async () => {
    const files = { 'infra/rds.tf': RDS };
    for (const [item, line] of [
      ['Multi-AZ database (Terraform)', 2],
      ['Terraform: RDS encryption at rest', 3],
      ['Terraform: automated backups with 7-day retention', 4],
      ['Terraform: `multi_az = true`', 2],
      ['Terraform variable `instance_type` defaults to t3.small', 9],
    ] as const)
      expect(await judgeOne(iacTerraformSetting, files, item), item).toMatchObject({
        verdict: 'pass',
        evidence: [{ path: 'infra/rds.tf', line }],
      });
  });

  it('fails only on an explicit contradiction; a variable or a missing attribute is unknown', async () => {
    const files = { 'infra/rds.tf': RDS.replace('multi_az                = true', 'multi_az = false') };
    expect((await judgeOne(iacTerraformSetting, files, 'Multi-AZ database (Terraform)')).verdict).toBe(
      'fail',
    );
    expect(
      (await judgeOne(iacTerraformSetting, files, 'Terraform variable `instance_type` defaults to t3.large'))
        .verdict,
    ).toBe('fail');
    expect(
      (await judgeOne(iacTerraformSetting, files, 'Terraform: `deletion_protection = true`')).verdict,
    ).toBe('unknown');
    expect((await judgeOne(iacTerraformSetting, files, 'Terraform: S3 bucket versioning')).verdict).toBe(
      'unknown',
    );
  });

  it('reads a remote backend block, and a local one is not remote', async () => {
    const remote = { 'main.tf': 'terraform {\n  backend "s3" {\n    bucket = "state"\n  }\n}\n' };
    expect(await judgeOne(iacTerraformSetting, remote, 'Terraform remote state')).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'main.tf', line: 2 }],
    });
    const local = { 'main.tf': 'terraform {\n  backend "local" {}\n}\n' };
    expect((await judgeOne(iacTerraformSetting, local, 'Terraform remote state')).verdict).toBe('unknown');
  });

  it('does not speak for example copies, and needs a Terraform context', async () => {
    const example = await judgeOne(
      iacTerraformSetting,
      { 'examples/rds.tf': RDS },
      'Multi-AZ database (Terraform)',
    );
    expect(example.verdict).toBe('unknown');
    expect(matches(iacTerraformSetting, 'Multi-AZ database')).toBe(false);
    expect(matches(iacTerraformSetting, 'Terraform plan reviewed and applied')).toBe(false);
  });
});
