// Where the page's playground is kept, and what the user can do about it: what was restored on
// load, a banner when another tab writes the workspace (with "Take over") or stored data could
// not be read, "Download" (the whole playground as one file), "Open file" (start from such a
// file) and "Reset playground".

import { counted } from './counted.js';

const TAKE_OVER_KEY = 'dynamodb-playground:take-over';

// "3 tables, 12,400 items": what a restore brought back, from DescribeTable (which costs no
// capacity, so the restore leaves no reads in the heat view).
async function describeContents(db) {
  const { TableNames } = await db.send('ListTables', {});
  let items = 0;
  for (const TableName of TableNames) {
    items += (await db.send('DescribeTable', { TableName })).Table.ItemCount;
  }
  return `${counted(TableNames.length, 'table')}, ${counted(items, 'item')}`;
}

// playground-2026-12-02T10-20-00.ddbpg
function exportFileName() {
  return `playground-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.ddbpg`;
}

export function mountStorageControls({ banner, message, takeOver, reset, download, open, file }) {
  const show = (text, { kind = 'warning', offerTakeOver = false } = {}) => {
    banner.hidden = false;
    banner.dataset.kind = kind;
    message.textContent = text;
    takeOver.hidden = !offerTakeOver;
  };

  const showReadOnly = (why) => {
    show(`${why} This tab is read-only: it shows what was stored when it opened.`, { offerTakeOver: true });
    reset.disabled = true;
  };

  takeOver.addEventListener('click', () => {
    // The writer's state is in IndexedDB: reload from it, taking the lock from the other tab.
    sessionStorage.setItem(TAKE_OVER_KEY, '1');
    location.reload();
  });

  return {
    /** Whether this load follows a click on "Take over" (asked once). */
    takeOverRequested() {
      const requested = sessionStorage.getItem(TAKE_OVER_KEY) === '1';
      sessionStorage.removeItem(TAKE_OVER_KEY);
      return requested;
    },

    /**
     * Wires the banner and the reset button to `db`; resolves to the status line for a restored
     * playground ("Restored 3 tables, 12,400 items in 180 ms"), or undefined for a new one.
     */
    async enable(db) {
      const restored = db.restored;
      if (!restored) return undefined;
      // Ask the browser not to evict the playground under storage pressure (it may say no).
      navigator.storage?.persist?.().catch(() => {});
      db.onStorageFailure = (error) => {
        show(`${error.message}. Changes since are not kept, and this tab answers no more requests; Download keeps a copy of what was stored.`, {
          kind: 'error',
        });
        reset.disabled = false;
      };
      db.onReadOnly = () => {
        showReadOnly('Another tab took over this playground.');
        open.disabled = true;
      };
      reset.disabled = db.readOnly;
      open.disabled = db.readOnly;
      download.disabled = false;
      download.addEventListener('click', async () => {
        const bytes = await db.exportSnapshot();
        const link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
        link.download = exportFileName();
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      });
      open.addEventListener('click', () => file.click());
      file.addEventListener('change', async () => {
        const [chosen] = file.files;
        file.value = '';
        if (!chosen) return;
        if (!confirm(`Replace the playground in this browser with ${chosen.name}? What is here now is deleted (Download it first to keep it).`)) return;
        try {
          await db.importSnapshot(new Uint8Array(await chosen.arrayBuffer()));
        } catch (error) {
          show(`${chosen.name} was not opened: ${error.message}.`, { kind: 'error' });
          return;
        }
        location.reload();
      });
      reset.addEventListener('click', async () => {
        if (!confirm('Reset the playground? Every table and item kept in this browser is deleted.')) return;
        await db.resetWorkspace();
        location.reload();
      });
      if (restored.unreadable) {
        show(
          `The playground kept in this browser could not be opened (${restored.damage}). It was left as it is, and Download saves a copy of it; nothing you do in this tab is kept.`,
          { kind: 'error' },
        );
        reset.disabled = false;
        return undefined;
      }
      if (db.readOnly) showReadOnly('This playground is open in another tab, which writes it.');
      else if (restored.damage) {
        show(`The end of the stored playground could not be read (${restored.damage}); everything before it was restored.`, {
          kind: 'error',
        });
      }
      if (restored.records === 0 && !restored.snapshot) return undefined;
      return `Restored ${await describeContents(db)} in ${restored.milliseconds} ms`;
    },
  };
}
