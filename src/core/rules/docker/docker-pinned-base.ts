import { composeCollector } from '../../collectors/compose.js';
import { dockerfilesCollector } from '../../collectors/dockerfiles.js';
import type { Rule } from '../../rule.js';
import type { EvidenceRef } from '../../types.js';
import { at, inContainerContext, listed, ref, selectCompose, selectDockerfiles } from './docker-evidence.js';

const PINNED =
  /\b(?:base )?images?\b[^.]*\bpinned\b|\bpin(?:ned|s)?\b[^.]*\bimages?\b|\bimage digests?\b|\bdigest[- ]pinned\b|\b(?:no|avoid(?:ing)?|never use|not using)\b[^.]*\blatest\b[^.]*\btags?\b|\bno [`']?:?latest\b/i;

interface Params {
  /** The item asks for digests (`@sha256:`), not just tags. */
  digest: boolean;
  /** "base images" means FROM lines only; plain "images" also covers Compose `image:`. */
  baseOnly: boolean;
}

interface Reference {
  image: string;
  path: string;
  line: number;
  excerpt: string;
  tag?: string;
  digest?: string;
  unresolved?: string[];
}

/** Whether every base image is pinned to a tag other than `latest`, or to a digest. */
export const dockerPinnedBase: Rule<Params> = {
  id: 'docker.pinned-base',
  title: 'Base images are pinned',
  why: 'An untagged or `latest` base image changes under you: the same commit builds a different image tomorrow.',
  fix: 'Pin every FROM to a version tag (`node:20.11-alpine`) or, better, a digest (`node:20.11-alpine@sha256:...`).',
  recognises:
    '"base images pinned", "pin images", "image digests", "no latest tags" in a container context; asks for digests when the item says digest/sha256.',
  needs: [dockerfilesCollector, composeCollector],
  match(item) {
    if (!PINNED.test(item.text) || (!inContainerContext(item) && !/\bimages?\b/i.test(item.text))) return [];
    return [
      { digest: /\b(?:digests?|sha256)\b/i.test(item.text), baseOnly: /\bbase\b|\bFROM\b/i.test(item.text) },
    ];
  },
  evaluate(params, ctx) {
    const references: Reference[] = [];
    for (const file of selectDockerfiles(ctx).dockerfiles) {
      for (const stage of file.stages) {
        const base = stage.base;
        if (base.stage || base.scratch) continue;
        const reference: Reference = {
          image: base.resolved ?? base.written,
          path: file.path,
          line: stage.line,
          excerpt: stage.excerpt,
        };
        if (base.tag) reference.tag = base.tag;
        if (base.digest) reference.digest = base.digest;
        if (base.unresolvedArgs.length > 0) reference.unresolved = base.unresolvedArgs;
        references.push(reference);
      }
    }
    if (!params.baseOnly) {
      for (const service of selectCompose(ctx).services) {
        if (!service.image || service.build) continue;
        references.push(composeReference(service.image, service.path, service.line));
      }
    }
    if (references.length === 0) {
      return {
        verdict: 'unknown',
        message: 'no Dockerfile FROM or Compose image in scope to judge',
        evidence: [],
      };
    }
    const loose = references.filter((r) => !r.unresolved && !isPinned(r, params.digest));
    if (loose.length > 0) {
      const described = loose.map((r) => `${describe(r, params.digest)} at ${at(r.path, r.line)}`);
      return {
        verdict: 'fail',
        message: `${loose.length} of ${references.length} images not pinned: ${listed(described, 3)}`,
        evidence: loose.map(evidenceOf),
      };
    }
    const unresolved = references.filter((r) => r.unresolved);
    if (unresolved.length > 0) {
      const described = unresolved.map(
        (r) => `${r.image} at ${at(r.path, r.line)} (ARG ${r.unresolved?.join(', ')} has no default)`,
      );
      return {
        verdict: 'unknown',
        message: `base image chosen at build time: ${listed(described, 3)}; the build arguments decide`,
        evidence: unresolved.map(evidenceOf),
      };
    }
    const byDigest = references.filter((r) => r.digest).length;
    return {
      verdict: 'pass',
      message: `all ${references.length} images pinned (${byDigest} by digest, ${references.length - byDigest} by tag)`,
      evidence: references.map(evidenceOf),
    };
  },
  examples: {
    match: [
      'Base images pinned',
      'Docker base images pinned to specific versions (no `latest`)',
      'Container images pinned by digest',
      'Avoid latest tags in Dockerfiles',
    ],
    noMatch: [
      'Image tagged appropriately for production',
      'Image pushed to registry (if using)',
      'Dependencies pinned in package-lock.json',
    ],
    verdicts: [
      {
        files: { Dockerfile: 'FROM node:20.11.1-alpine3.19\nCMD ["node", "server.js"]\n' },
        item: 'Base images pinned',
        verdict: 'pass',
      },
      {
        files: { Dockerfile: 'FROM node:latest\nCMD ["node", "server.js"]\n' },
        item: 'Base images pinned',
        verdict: 'fail',
      },
    ],
  },
};

function composeReference(image: string, path: string, line: number): Reference {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  const reference: Reference = { image, path, line, excerpt: `image: ${image}` };
  if (colon > name.lastIndexOf('/')) reference.tag = name.slice(colon + 1);
  if (at >= 0) reference.digest = image.slice(at + 1);
  if (image.includes('$')) reference.unresolved = ['(variable)'];
  return reference;
}

function isPinned(reference: Reference, digest: boolean): boolean {
  if (reference.digest) return true;
  return !digest && reference.tag !== undefined && reference.tag !== 'latest';
}

function describe(reference: Reference, digest: boolean): string {
  if (!reference.tag) return `${reference.image} (no tag means latest)`;
  if (reference.tag === 'latest') return reference.image;
  return digest ? `${reference.image} (tag, no digest)` : reference.image;
}

function evidenceOf(reference: Reference): EvidenceRef {
  return ref(reference.path, reference.line, reference.excerpt);
}
