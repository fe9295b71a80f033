// Trunk initializer (see `data-initializer` in index.html) of the first-load module
// (src/bin/scopecraft-shell.rs), which shows the catalog page written at build time. Once it
// has run, this fetches the full app (src/main.rs, built by trunk as scopecraft-web.js and
// scopecraft-web_bg.wasm), which replaces that page with the live one. While either loads,
// index.html shows a loading message; if loading or starting one fails, this replaces the
// page with a friendly panel, built from text nodes only.
function showFailure(error) {
  console.error('Scopecraft could not start:', error);
  const app = document.getElementById('app');
  if (!app || app.querySelector('.failure')) return;
  const panel = document.createElement('main');
  panel.className = 'failure';
  panel.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.textContent = 'The quoting tool could not start';
  const text = document.createElement('p');
  text.textContent =
    'Your browser could not load part of this page. Reload to try again; if it keeps ' +
    'happening, use an up-to-date browser with WebAssembly enabled.';
  panel.append(title, text);
  app.replaceChildren(panel);
}

function startFullApp() {
  import('./scopecraft-web.js')
    .then((app) => app.default({ module_or_path: new URL('./scopecraft-web_bg.wasm', import.meta.url) }))
    .catch(showFailure);
}

export default function initializer() {
  return {
    onSuccess: startFullApp,
    onFailure: showFailure,
  };
}
