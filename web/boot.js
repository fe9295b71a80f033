// Trunk initializer (see `data-initializer` in index.html): while the WebAssembly module
// loads, index.html shows a loading message; if loading or starting it fails, this replaces
// the message with a friendly panel. It builds the panel from text nodes only.
export default function initializer() {
  return {
    onFailure(error) {
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
    },
  };
}
