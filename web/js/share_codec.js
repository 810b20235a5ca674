// The text of a share link: a recipe (share_recipe.js) as JSON, compressed with deflate-raw
// (CompressionStream, in every current browser and in node) and written in base64url, behind
// the format's version: `#share=1.<base64url>`. The fragment never reaches a server.
//
// Decoding trusts nothing: the text is capped before it is decoded (Chromium refuses URLs over
// 2 MB anyway), the inflated JSON is capped while it streams out (a small link cannot expand
// into gigabytes), and every failure is a ShareLinkError with a message for people.

export const SHARE_PREFIX = 'share=';
export const CURRENT_VERSION = 1;
// Past this the link is longer than Chromium accepts.
export const MAX_LINK_CHARACTERS = 2 * 1024 * 1024;
// What a link may inflate to: far more than any budgeted recipe, far less than a tab's memory.
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

export class ShareLinkError extends Error {
  name = 'ShareLinkError';
}

function toBase64Url(bytes) {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareLinkError('The link is damaged: it holds characters a share link never has.');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary;
  try {
    binary = atob(base64);
  } catch {
    throw new ShareLinkError('The link is damaged: it is cut short or altered.');
  }
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Inflates at most `limit` bytes: reading stops (and the stream is cancelled) past it.
async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel();
        throw new ShareLinkError(`The link holds more than ${limit / (1024 * 1024)} MB of playground; it is refused.`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError('The link is damaged: its data does not decompress.');
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The fragment (without '#') that carries `recipe`. */
export async function encodeShareFragment(recipe) {
  const json = new TextEncoder().encode(JSON.stringify(recipe));
  return `${SHARE_PREFIX}${CURRENT_VERSION}.${toBase64Url(await deflate(json))}`;
}

/** Whether a location's fragment (with or without '#') is a share link. */
export function isShareFragment(fragment) {
  return String(fragment).replace(/^#/, '').startsWith(SHARE_PREFIX);
}

// Each version of the format keeps its decoder, so every link ever made still opens.
const DECODERS = {
  1: async (payload) => {
    const json = await inflate(fromBase64Url(payload), MAX_INFLATED_BYTES);
    try {
      return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
    } catch {
      throw new ShareLinkError('The link is damaged: its data is not a playground.');
    }
  },
};

/**
 * The recipe a fragment carries, as parsed JSON (share_recipe.js checks its shape). Rejects
 * with a ShareLinkError for anything that is not an intact link of a known version.
 */
export async function decodeShareFragment(fragment) {
  const text = String(fragment).replace(/^#/, '');
  if (text.length > MAX_LINK_CHARACTERS) throw new ShareLinkError('The link is longer than any browser accepts; it is refused.');
  if (!text.startsWith(SHARE_PREFIX)) throw new ShareLinkError('This is not a playground share link.');
  const match = /^(\d{1,4})\.(.*)$/s.exec(text.slice(SHARE_PREFIX.length));
  if (!match) throw new ShareLinkError('The link is damaged: it does not say which format it is in.');
  const decoder = DECODERS[Number(match[1])];
  if (!decoder) {
    throw new ShareLinkError(`The link is in format ${match[1]}, newer than this playground reads (${CURRENT_VERSION}); open it in a newer playground.`);
  }
  return decoder(match[2]);
}
