// The access keys the endpoint accepts when it checks signatures (`--credentials FILE`).
//
// Two layouts, so a file written by hand and the AWS CLI's own credentials file both work:
//
//   # one pair a line: ACCESS_KEY_ID:SECRET_ACCESS_KEY   (a secret may hold ':', a key id not)
//   AKIDPLAYGROUND:playground-secret
//
//   [default]                                 # the AWS CLI's ~/.aws/credentials: every profile
//   aws_access_key_id = AKIDPLAYGROUND        # with both keys is one pair; other settings
//   aws_secret_access_key = playground-secret # (aws_session_token, region) are ignored
//
// Blank lines and lines starting with `#` or `;` are skipped.

import { readFile } from 'node:fs/promises';

/**
 * Parses a credentials file's text (either layout above) into the pairs it lists, in file order.
 * Throws an Error naming the line for a line that is neither a pair, a comment, a section nor a
 * `name = value` setting, for a profile with only one of its two keys, for one access key id
 * given two different secrets, and when the text lists no pair at all.
 * @param {string} text
 * @returns {Array<{accessKeyId: string, secretAccessKey: string}>}
 */
export function parseCredentials(text) {
  const pairs = new Map();
  const add = (accessKeyId, secretAccessKey, where) => {
    const known = pairs.get(accessKeyId);
    if (known !== undefined && known !== secretAccessKey) {
      throw new Error(`${where}: access key id '${accessKeyId}' is listed with two different secrets`);
    }
    pairs.set(accessKeyId, secretAccessKey);
  };

  let profile = null; // the [section] being read: {name, line, accessKeyId, secretAccessKey}
  const closeProfile = () => {
    if (profile === null) return;
    const { name, line, accessKeyId, secretAccessKey } = profile;
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
      const missing = accessKeyId === undefined ? 'aws_access_key_id' : 'aws_secret_access_key';
      throw new Error(`line ${line}: profile [${name}] has no ${missing}`);
    }
    if (accessKeyId !== undefined) add(accessKeyId, secretAccessKey, `line ${line}`);
    profile = null;
  };

  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const where = `line ${i + 1}`;
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.*)\]$/.exec(line);
    if (section !== null) {
      closeProfile();
      profile = { name: section[1].trim(), line: i + 1 };
      continue;
    }
    const setting = /^([A-Za-z_][\w.-]*)\s*=\s*(.*)$/.exec(line);
    if (profile !== null && setting !== null) {
      const [, name, value] = setting;
      if (name.toLowerCase() === 'aws_access_key_id') profile.accessKeyId = value;
      if (name.toLowerCase() === 'aws_secret_access_key') profile.secretAccessKey = value;
      continue;
    }
    const colon = line.indexOf(':');
    if (profile === null && colon > 0 && colon < line.length - 1 && !/\s/.test(line.slice(0, colon))) {
      add(line.slice(0, colon), line.slice(colon + 1), where);
      continue;
    }
    throw new Error(`${where}: expected ACCESS_KEY_ID:SECRET_ACCESS_KEY, not '${line}'`);
  }
  closeProfile();
  if (pairs.size === 0) throw new Error('lists no credentials (ACCESS_KEY_ID:SECRET_ACCESS_KEY lines)');
  return [...pairs].map(([accessKeyId, secretAccessKey]) => ({ accessKeyId, secretAccessKey }));
}

/**
 * Reads and parses a credentials file. Rejects with the read error (code 'ENOENT', ...) or with
 * parseCredentials' error, its message prefixed with the path.
 * @param {string} filePath
 * @returns {Promise<Array<{accessKeyId: string, secretAccessKey: string}>>}
 */
export async function readCredentialsFile(filePath) {
  const text = await readFile(filePath, 'utf8');
  try {
    return parseCredentials(text);
  } catch (error) {
    throw new Error(`${filePath}: ${error.message}`);
  }
}
