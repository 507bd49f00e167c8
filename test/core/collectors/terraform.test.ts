import { describe, expect, it } from 'vitest';
import { parseTerraform, terraformCollector } from '../../../src/core/collectors/terraform.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

const MAIN = `terraform {
  backend "s3" {
    bucket         = "state" # the bucket
    dynamodb_table = "locks"
  }
}

variable "instance_type" {
  type    = string
  default = "t3.small"
}

resource "aws_db_instance" "main" {
  multi_az            = true
  allowed_cidrs       = [
    "10.0.0.0/8",
  ]
  policy = <<POLICY
multi_az = false
POLICY
  tags = {
    Name = "db"
  }
  // deletion_protection = false
  deletion_protection = var.protect
}
`;

describe('terraform collector', () => {
  it('gives blocks with labels and attributes with the blocks they sit in, skipping lists, heredocs and comments', () => {
    const file = parseTerraform('main.tf', MAIN);
    expect(file.blocks.map((block) => [block.type, block.labels, block.line])).toEqual([
      ['terraform', [], 1],
      ['backend', ['s3'], 2],
      ['variable', ['instance_type'], 8],
      ['resource', ['aws_db_instance', 'main'], 13],
    ]);
    const attributes = file.attributes.map((a) => `${a.within.join('>')}:${a.key}=${a.value}@${a.line}`);
    expect(attributes).toEqual([
      'terraform>backend.s3:bucket=state@3',
      'terraform>backend.s3:dynamodb_table=locks@4',
      'variable.instance_type:type=string@9',
      'variable.instance_type:default=t3.small@10',
      'resource.aws_db_instance:multi_az=true@14',
      'resource.aws_db_instance:allowed_cidrs=[@15',
      'resource.aws_db_instance:policy=<<POLICY@18',
      'resource.aws_db_instance:tags={@21',
      'resource.aws_db_instance>tags:Name=db@22',
      'resource.aws_db_instance:deletion_protection=var.protect@25',
    ]);
  });

  it('leaves provider caches and vendored modules out', async () => {
    const view = await createRepoView(
      new MemoryRepo({
        'infra/main.tf': MAIN,
        'infra/.terraform/modules/x/main.tf': MAIN,
        'README.md': '# x',
      }),
    );
    const evidence = await collectEvidence(terraformCollector, view, DEFAULT_CONFIG);
    expect(evidence.files.map((file) => file.path)).toEqual(['infra/main.tf']);
  });
});
