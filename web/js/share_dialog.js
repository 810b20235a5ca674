// "Share": the playground as a link. The link carries a recipe (share_recipe.js) in its
// fragment, which browsers never send to a server. The dialog says where the link will survive:
// chat apps and Teams cut links near 2,000 characters, address bars take about 32,000, and past
// that the file export is the way to share, so the dialog offers it instead of a link that
// would be cut. A link is never shortened to fit: what does not fit is left out whole and said.

import { encodeShareFragment } from './share_codec.js';
import { captureRecipe } from './share_recipe.js';

export const CHAT_LIMIT = 2000;
export const ADDRESS_BAR_LIMIT = 32_000;

/** What a link of `length` characters is good for, in words. */
export function linkFit(length) {
  if (length <= CHAT_LIMIT) return { fits: 'chat', text: `${length.toLocaleString('en-US')} characters: fits in a chat message.` };
  if (length <= ADDRESS_BAR_LIMIT) {
    return {
      fits: 'browser',
      text: `${length.toLocaleString('en-US')} characters: too long for chat apps and Teams (they cut links near 2,000), fine to paste into a browser or an email.`,
    };
  }
  return {
    fits: 'file',
    text: `${length.toLocaleString('en-US')} characters: longer than browsers' address bars take (about 32,000), so share the playground as a file instead (Download).`,
  };
}

/**
 * Wires the Share button and its dialog. `makeCopy()` resolves to a scratch playground made
 * from the user's snapshot (read for the recipe, then closed); `extras()` gives the page's own
 * parts (console, history, trigger); `download()` starts the file export.
 */
export function mountShareDialog({ button, dialog, summary, fit, link, copy, download: downloadButton, close }, { makeCopy, extras, download }) {
  async function open() {
    dialog.showModal();
    summary.textContent = 'Writing the link…';
    fit.textContent = '';
    link.value = '';
    copy.disabled = true;
    downloadButton.hidden = true;
    const scratch = await makeCopy();
    let recipe;
    try {
      recipe = await captureRecipe(scratch, extras());
    } finally {
      await scratch.close();
    }
    const url = `${location.origin}${location.pathname}#${await encodeShareFragment(recipe)}`;
    const items = recipe.tables.reduce((sum, table) => sum + table.items.length, 0);
    summary.textContent = `${recipe.tables.length} table${recipe.tables.length === 1 ? '' : 's'} and ${items} item${items === 1 ? '' : 's'}` +
      (recipe.itemsLeftOut ? `; ${recipe.itemsLeftOut} more item${recipe.itemsLeftOut === 1 ? '' : 's'} did not fit in a link and are left out (Download keeps everything).` : '.');
    const verdict = linkFit(url.length);
    fit.textContent = verdict.text;
    fit.dataset.fits = verdict.fits;
    downloadButton.hidden = verdict.fits !== 'file';
    link.value = url;
    copy.disabled = false;
  }

  button.addEventListener('click', () => {
    open().catch((error) => {
      summary.textContent = `The link could not be written: ${error.message}`;
    });
  });
  copy.addEventListener('click', async () => {
    link.select();
    try {
      await navigator.clipboard.writeText(link.value);
      copy.textContent = 'Copied';
    } catch {
      copy.textContent = 'Select and copy';
    }
  });
  downloadButton.addEventListener('click', download);
  close.addEventListener('click', () => {
    copy.textContent = 'Copy link';
    dialog.close();
  });
  button.disabled = false;
}
