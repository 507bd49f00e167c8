/** A repository on GitHub, as the REST API addresses it. */
export interface RepoRef {
  owner: string;
  repo: string;
}

export function parseRepoRef(fullName: string): RepoRef {
  const [owner, repo, ...rest] = fullName.split('/');
  if (!owner || !repo || rest.length > 0) throw new Error(`expected "owner/repo", got "${fullName}"`);
  return { owner, repo };
}
