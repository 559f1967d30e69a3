// The examples gallery: a dialog of cards from examples/index.json. Choosing
// one loads its code and settings, and shows its explanation above the editor.


/** Fetch the manifest: [{ id, title, file, summary, explanation, options }]. */
export async function loadManifest(base = new URL('examples/', document.baseURI)) {
  const res = await fetch(new URL('index.json', base));
  if (!res.ok) throw new Error(`examples: HTTP ${res.status}`);
  return (await res.json()).map((e) => ({ ...e, url: new URL(e.file, base).href }));
}

/** Fetch one example's code. */
export async function loadExample(example) {
  const res = await fetch(example.url);
  if (!res.ok) throw new Error(`${example.file}: HTTP ${res.status}`);
  return res.text();
}

/**
 * Wire the gallery dialog: `dialog` holds `list`; `opener` opens it;
 * onPick(example, code) is called with the chosen one.
 */
export function createGallery({ dialog, list, opener, onPick }) {
  let manifest = null;
  const close = () => {
    dialog.hidden = true;
    opener.focus();
  };
  async function open() {
    dialog.hidden = false;
    if (!manifest) {
      list.textContent = 'loading…';
      try {
        manifest = await loadManifest();
      } catch (err) {
        list.textContent = `Could not load the examples: ${err.message}`;
        return;
      }
      list.textContent = '';
      for (const ex of manifest) {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'card';
        b.dataset.id = ex.id;
        const h = document.createElement('strong');
        h.textContent = ex.title;
        const p = document.createElement('span');
        p.textContent = ex.summary || '';
        b.append(h, p);
        b.addEventListener('click', async () => {
          close();
          onPick(ex, await loadExample(ex));
        });
        li.append(b);
        list.append(li);
      }
    }
    const first = list.querySelector('button');
    if (first) first.focus();
  }
  opener.addEventListener('click', open);
  dialog.querySelector('.close').addEventListener('click', close);
  dialog.addEventListener('click', (e) => { if (e.target === dialog) close(); });
  dialog.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.stopPropagation(); close(); } });
  return { open, close, manifest: () => manifest };
}
