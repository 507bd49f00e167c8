import {
  type TerraformAttribute,
  type TerraformFile,
  terraformCollector,
} from '../../collectors/terraform.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import { claimText, type Rule } from '../../rule.js';
import type { ChecklistItem, EvidenceRef, Finding } from '../../types.js';

/** What the item claims about the Terraform configuration. */
export type TerraformClaim =
  /** `deletion_protection = true`: an attribute set to a value. */
  | { kind: 'attribute'; key: string; value: string }
  /** "variable `region` defaults to eu-west-1". */
  | { kind: 'variable-default'; name: string; value: string }
  /** A setting named in words ("multi-AZ", "deletion protection", "remote state"). */
  | { kind: 'setting'; setting: string };

interface NamedSetting {
  key: string;
  item: RegExp;
  what: string;
  /** Attributes that show it, with the value that holds; `undefined` value: any value. */
  holds: (attribute: TerraformAttribute) => boolean;
  /** An explicit setting that contradicts it (`multi_az = false`). */
  contradicts?: (attribute: TerraformAttribute) => boolean;
  /** Blocks that show it (`backend "s3"`, `aws_s3_bucket_public_access_block`). */
  blocks?: (type: string, labels: string[]) => boolean;
}

const TRUE = /^true$/i;
const FALSE = /^false$/i;

const SETTINGS: readonly NamedSetting[] = [
  {
    key: 'remote-state',
    what: 'a remote state backend',
    item: /\bremote (?:state|backend)\b|\bstate (?:is )?(?:stored )?(?:in|on) (?:s3|gcs|azure|terraform cloud)\b|\bterraform (?:backend|cloud)\b/i,
    holds: () => false,
    blocks: (type, labels) => (type === 'backend' && labels[0] !== 'local') || type === 'cloud',
  },
  {
    key: 'deletion-protection',
    what: 'deletion protection',
    item: /\bdeletion[- ]protection\b/i,
    holds: (a) => a.key === 'deletion_protection' && TRUE.test(a.value),
    contradicts: (a) => a.key === 'deletion_protection' && FALSE.test(a.value),
  },
  {
    key: 'multi-az',
    what: 'a Multi-AZ deployment',
    item: /\bmulti[- ]?az\b/i,
    holds: (a) => a.key === 'multi_az' && TRUE.test(a.value),
    contradicts: (a) => a.key === 'multi_az' && FALSE.test(a.value),
  },
  {
    key: 'encryption-at-rest',
    what: 'encryption at rest',
    item: /\bencrypt\w* at rest\b|\b(?:storage|disk|volume|bucket|database|rds|ebs|s3) encryption\b|\bencrypted (?:storage|volumes?|disks?|buckets?)\b/i,
    holds: (a) =>
      ((a.key === 'storage_encrypted' || a.key === 'encrypted') && TRUE.test(a.value)) ||
      a.key === 'kms_key_id' ||
      a.key === 'sse_algorithm',
    contradicts: (a) => (a.key === 'storage_encrypted' || a.key === 'encrypted') && FALSE.test(a.value),
    blocks: (type) => type === 'server_side_encryption_configuration',
  },
  {
    key: 'versioning',
    what: 'bucket versioning',
    item: /\b(?:bucket |s3 |object )?versioning\b/i,
    holds: (a) =>
      (a.key === 'enabled' && TRUE.test(a.value) && a.within.some((block) => /versioning/.test(block))) ||
      (a.key === 'status' &&
        /^enabled$/i.test(a.value) &&
        a.within.some((block) => /versioning/.test(block))),
    contradicts: (a) =>
      a.within.some((block) => /versioning/.test(block)) &&
      ((a.key === 'enabled' && FALSE.test(a.value)) ||
        (a.key === 'status' && /^(?:suspended|disabled)$/i.test(a.value))),
  },
  {
    key: 'backup-retention',
    what: 'automated backups with a retention period',
    item: /\bbackup retention\b|\bautomated (?:db |database |rds )?backups?\b|\bpoint[- ]in[- ]time recovery\b/i,
    holds: (a) =>
      (a.key === 'backup_retention_period' && /^[1-9]\d*$/.test(a.value)) ||
      (a.key === 'point_in_time_recovery_enabled' && TRUE.test(a.value)),
    contradicts: (a) => a.key === 'backup_retention_period' && a.value === '0',
  },
  {
    key: 'public-access-block',
    what: 'an S3 public access block',
    item: /\bpublic access block\b|\bblock (?:all )?public access\b/i,
    holds: (a) => (a.key === 'block_public_acls' || a.key === 'block_public_policy') && TRUE.test(a.value),
    contradicts: (a) =>
      (a.key === 'block_public_acls' || a.key === 'block_public_policy') && FALSE.test(a.value),
    blocks: (type, labels) => type === 'resource' && labels[0] === 'aws_s3_bucket_public_access_block',
  },
];

const TERRAFORM_CONTEXT =
  /\bterraform\b|\bopentofu\b|\biac\b|\binfrastructure[- ]as[- ]code\b|\.tf(?:vars)?\b|\bhcl\b/i;
/** `key = value` written in a code span (`deletion_protection = true`). */
const ATTRIBUTE_SPAN = /^([a-z][a-z0-9_]*)\s*=\s*"?([^"\s]+)"?$/;
const VARIABLE_DEFAULT =
  /\bvariables?\s+`?"?([A-Za-z_][\w-]*)"?`?\s+(?:defaults?|has a default|default value)\s*(?:to|is|of|=|:)?\s*`?"?([^`"\s,;)]+)/i;
/** About running Terraform, not what its files say. */
const OPERATED =
  /\bapplied\b|\bplan(?:ned)? (?:reviewed|approved)\b|\bdrift\b|\bimported\b|\bstate (?:is )?(?:clean|in sync)\b/i;

export const iacTerraformSetting: Rule<TerraformClaim> = {
  id: 'iac.terraform-setting',
  title: 'The Terraform configuration sets what the item claims',
  why: 'A database claimed to be Multi-AZ or deletion-protected, or a state claimed to be remote, that the Terraform says otherwise is a failure waiting for the first outage or the first `terraform destroy`.',
  fix: 'Set the attribute or block in the Terraform configuration (or the variable default), or correct the checklist.',
  recognises:
    'Items about Terraform (in the item, its parent or its section) that write an attribute (`deletion_protection = true`) or a ' +
    'variable default, or name a setting: remote state, deletion protection, Multi-AZ, encryption at rest, bucket versioning, ' +
    'automated backups with retention, an S3 public access block. Not applying, planning or drift.',
  needs: [terraformCollector],
  match: terraformClaims,
  evaluate(claim, ctx) {
    const all = ctx
      .get(terraformCollector)
      .files.filter(
        (file) => !isNonProductionPath(file.path) || (ctx.scope !== '' && inScope(file.path, ctx.scope)),
      );
    const scoped = all.filter((file) => inScope(file.path, ctx.scope));
    const files = scoped.length ? scoped : all;
    if (!files.length)
      return {
        verdict: 'unknown',
        message: 'no Terraform files (*.tf) in the repository; the infrastructure may be defined elsewhere',
        evidence: [],
      };
    if (claim.kind === 'attribute') return judgeAttribute(claim.key, claim.value, files);
    if (claim.kind === 'variable-default') return judgeVariable(claim.name, claim.value, files);
    return judgeSetting(SETTINGS.find((setting) => setting.key === claim.setting) as NamedSetting, files);
  },
  examples: {
    match: [
      'Terraform: `deletion_protection = true` on the database',
      'RDS Multi-AZ enabled (Terraform)',
      'Terraform remote state in S3 with locking',
      'Terraform variable `instance_type` defaults to t3.small',
    ],
    noMatch: [
      'Multi-AZ enabled',
      'Terraform plan reviewed and applied',
      'Terraform installed on the build agents',
      'Database encrypted at rest',
    ],
    verdicts: [
      {
        files: { 'infra/rds.tf': 'resource "aws_db_instance" "main" {\n  multi_az = true\n}\n' },
        item: 'RDS Multi-AZ enabled (Terraform)',
        verdict: 'pass',
      },
      {
        files: { 'infra/rds.tf': 'resource "aws_db_instance" "main" {\n  multi_az = false\n}\n' },
        item: 'RDS Multi-AZ enabled (Terraform)',
        verdict: 'fail',
      },
      {
        files: { 'infra/rds.tf': 'module "db" {\n  source = "./modules/db"\n}\n' },
        item: 'RDS Multi-AZ enabled (Terraform)',
        verdict: 'unknown',
      },
    ],
  },
};

function terraformClaims(item: ChecklistItem): TerraformClaim[] {
  const text = claimText(item);
  if (OPERATED.test(text)) return [];
  if (![text, ...item.parents, ...item.section].some((context) => TERRAFORM_CONTEXT.test(context))) return [];
  const variable = VARIABLE_DEFAULT.exec(text);
  if (variable)
    return [{ kind: 'variable-default', name: variable[1] as string, value: variable[2] as string }];
  const attributes = item.codeSpans.flatMap((span): TerraformClaim[] => {
    const found = ATTRIBUTE_SPAN.exec(span.trim());
    const key = found?.[1];
    return key?.includes('_') ? [{ kind: 'attribute', key, value: found?.[2] as string }] : [];
  });
  if (attributes.length) return attributes;
  return SETTINGS.filter((setting) => setting.item.test(text)).map((setting) => ({
    kind: 'setting',
    setting: setting.key,
  }));
}

interface Located {
  file: TerraformFile;
  line: number;
  excerpt: string;
}

function pass(what: string, found: Located): Finding {
  return {
    verdict: 'pass',
    message: `${what}: \`${found.excerpt}\` at ${found.file.path}:${found.line}`,
    evidence: [{ path: found.file.path, line: found.line, excerpt: found.excerpt }],
  };
}

function refs(found: readonly Located[]): EvidenceRef[] {
  return found.slice(0, 3).map((one) => ({ path: one.file.path, line: one.line, excerpt: one.excerpt }));
}

function attributesOf(
  files: readonly TerraformFile[],
  keep: (attribute: TerraformAttribute) => boolean,
): Located[] {
  return files.flatMap((file) =>
    file.attributes
      .filter(keep)
      .map((a) => ({ file, line: a.line, excerpt: `${a.key} = ${a.value}`.slice(0, 120) })),
  );
}

function same(a: string, b: string): boolean {
  return a.replace(/^"|"$/g, '').toLowerCase() === b.replace(/^"|"$/g, '').toLowerCase();
}

function judgeAttribute(key: string, value: string, files: readonly TerraformFile[]): Finding {
  const set = attributesOf(files, (a) => a.key === key);
  const holding = set.find((one) => same(one.excerpt.slice(key.length + 3), value));
  if (holding) return pass(`${key} = ${value}`, holding);
  const literal = set.filter(
    (one) =>
      /^(?:true|false|-?\d+|"[^"$]*"|[\w.-]+)$/.test(one.excerpt.slice(key.length + 3)) &&
      !/^var\.|^local\./.test(one.excerpt.slice(key.length + 3)),
  );
  if (set.length && literal.length === set.length)
    return {
      verdict: 'fail',
      message: `${key} is set to something else: ${literal
        .map((one) => `\`${one.excerpt}\` at ${one.file.path}:${one.line}`)
        .slice(0, 3)
        .join(', ')}`,
      evidence: refs(literal),
    };
  return {
    verdict: 'unknown',
    message: set.length
      ? `${key} is set from a variable or expression (${set[0]?.file.path}:${set[0]?.line}); its value is decided where Terraform runs`
      : `no ${key} attribute in ${files.length} Terraform file${files.length > 1 ? 's' : ''}; a module or provider default may set it`,
    evidence: refs(set),
  };
}

function judgeVariable(name: string, value: string, files: readonly TerraformFile[]): Finding {
  for (const file of files) {
    const block = file.blocks.find((b) => b.type === 'variable' && b.labels[0] === name);
    if (!block) continue;
    const defaults = file.attributes.find(
      (a) =>
        a.key === 'default' && a.within[a.within.length - 1] === `variable.${name}` && a.line > block.line,
    );
    if (!defaults)
      return {
        verdict: 'fail',
        message: `variable "${name}" at ${file.path}:${block.line} has no default: it must be given where Terraform runs`,
        evidence: [{ path: file.path, line: block.line }],
      };
    const found = { file, line: defaults.line, excerpt: `default = ${defaults.value}` };
    if (same(defaults.value, value)) return pass(`variable "${name}" defaults to ${value}`, found);
    return {
      verdict: 'fail',
      message: `variable "${name}" defaults to ${defaults.value}, not ${value} (${file.path}:${defaults.line})`,
      evidence: refs([found]),
    };
  }
  return {
    verdict: 'unknown',
    message: `no variable "${name}" declared in the Terraform files`,
    evidence: [],
  };
}

function judgeSetting(setting: NamedSetting, files: readonly TerraformFile[]): Finding {
  const holding = attributesOf(files, setting.holds);
  if (holding[0]) return pass(setting.what, holding[0]);
  if (setting.blocks) {
    for (const file of files) {
      const block = file.blocks.find((b) => setting.blocks?.(b.type, b.labels));
      if (block)
        return pass(setting.what, {
          file,
          line: block.line,
          excerpt: [block.type, ...block.labels.map((label) => `"${label}"`)].join(' '),
        });
    }
  }
  const against = setting.contradicts ? attributesOf(files, setting.contradicts) : [];
  if (against.length)
    return {
      verdict: 'fail',
      message: `${setting.what} is switched off: ${against
        .slice(0, 3)
        .map((one) => `\`${one.excerpt}\` at ${one.file.path}:${one.line}`)
        .join(', ')}`,
      evidence: refs(against),
    };
  return {
    verdict: 'unknown',
    message: `no ${setting.what} in ${files.length} Terraform file${files.length > 1 ? 's' : ''}; a module, a variable or the provider's default may set it`,
    evidence: files.slice(0, 3).map((file) => ({ path: file.path })),
  };
}
