// "Copy as": the request in the editor as a program to take away (AWS SDK for JavaScript v3,
// boto3 or the AWS CLI), written by code_export.js for the endpoint that served this page (the
// playground's own server answers DynamoDB on the same address), in the region the console
// sends in. The code is shown, and copied to the clipboard when the browser allows it.

import { CODE_LANGUAGES, codeFor } from './code_export.js';

/**
 * `menu` is the <details> holding the language buttons, `panel` the box that shows the code
 * (`title`, `code`, `copy`, `close` inside it). `current()` gives `{ operation, requestText, region }`.
 */
export function mountCopyAs({ menu, panel, title, code, copy, close, status }, { current }) {
  const buttons = menu.querySelector('.copy-as-languages');
  for (const language of CODE_LANGUAGES) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = language.label;
    button.dataset.language = language.id;
    button.addEventListener('click', () => show(language));
    buttons.append(button);
  }

  async function toClipboard(text) {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied to the clipboard.';
    } catch {
      status.textContent = 'Select the code and copy it (this browser did not allow the page to).';
    }
  }

  function show(language) {
    menu.open = false;
    const { operation, requestText, region } = current();
    panel.hidden = false;
    title.textContent = `${operation} as ${language.label}`;
    let input;
    try {
      input = JSON.parse(requestText);
    } catch (error) {
      code.textContent = '';
      status.textContent = `The request is not JSON yet (${error.message}), so there is no code for it.`;
      return;
    }
    const text = codeFor(language.id, operation, input, { endpoint: location.origin, region });
    if (text === null) {
      code.textContent = '';
      status.textContent = `${operation} is the playground's own operation; AWS clients do not have it.`;
      return;
    }
    code.textContent = text;
    status.textContent = '';
    toClipboard(text);
    // The menu closes under the button that was pressed: the keyboard goes on at the code.
    code.focus();
  }

  copy.addEventListener('click', () => toClipboard(code.textContent));
  close.addEventListener('click', () => {
    panel.hidden = true;
    menu.querySelector('summary').focus();
  });
}
