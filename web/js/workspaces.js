// Workspaces: separate playgrounds kept side by side in this browser, each in its own IndexedDB
// database (wasm/browser_store.js). The address names the one open (`?workspace=name`, the
// user's own is "default"); a share link opens in a workspace of its own, named after the
// link, so opening a link never touches the user's playground.

export const DEFAULT_WORKSPACE = 'default';
// wasm/browser_store.js names each workspace's database with this prefix.
const DATABASE_PREFIX = 'dynamodb-playground:';
const NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** The workspace the address names, or the default one (an unusable name is ignored). */
export function workspaceFromAddress(search = location.search) {
  const name = new URLSearchParams(search).get('workspace');
  return name && NAME.test(name) ? name : DEFAULT_WORKSPACE;
}

/** The address of `workspace` on this page: the path with `?workspace=` (none for the default). */
export function workspaceAddress(workspace) {
  return workspace === DEFAULT_WORKSPACE ? location.pathname : `${location.pathname}?workspace=${encodeURIComponent(workspace)}`;
}

/** "shared-" and the first 12 hex digits of the link's SHA-256: the same link, the same workspace. */
export async function sharedWorkspaceName(fragment) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(fragment)));
  return `shared-${[...digest.slice(0, 6)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The workspaces this browser keeps, the default first. */
export async function listWorkspaces() {
  let databases = [];
  try {
    databases = (await indexedDB.databases?.()) ?? [];
  } catch {
    databases = [];
  }
  const names = databases
    .map((database) => database.name ?? '')
    .filter((name) => name.startsWith(DATABASE_PREFIX))
    .map((name) => name.slice(DATABASE_PREFIX.length))
    .filter((name) => NAME.test(name) && name !== DEFAULT_WORKSPACE)
    .sort();
  return [DEFAULT_WORKSPACE, ...names];
}

/** Fills `select` with the workspaces, `current` chosen; choosing another opens it. */
export async function mountWorkspaceSwitcher(select, current) {
  const names = await listWorkspaces();
  if (!names.includes(current)) names.push(current);
  select.replaceChildren(
    ...names.map((name) => new Option(name === DEFAULT_WORKSPACE ? 'my playground' : name, name, false, name === current)),
  );
  select.disabled = false;
  select.addEventListener('change', () => {
    location.assign(workspaceAddress(select.value));
  });
}
