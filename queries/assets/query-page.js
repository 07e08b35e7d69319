// The query page of `armedkg serve`: YASGUI (vendored, offline) on this server's /sparql, with
// the named queries of armedkg as examples. Nothing is fetched from another host.
(function () {
  const cfg = JSON.parse(document.getElementById('akg-config').textContent);
  const endpoint = new URL(cfg.endpoint, window.location.href).toString();
  const yasgui = new Yasgui(document.getElementById('yasgui'), {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }], keys: [] },
    persistenceId: null,
    populateFromUrl: false,
    // Class and property completion asks a web service (LOV): left out, the page stays offline.
    yasqe: { value: cfg.examples[0].query, autocompleters: ['prefixes', 'variables'] },
    yasr: { defaultPlugin: 'table' },
  });
  const select = document.getElementById('examples');
  cfg.examples.forEach((example, i) => {
    const option = document.createElement('option');
    option.value = String(i);
    option.textContent = example.title;
    select.appendChild(option);
  });
  select.addEventListener('change', () => {
    yasgui.getTab().getYasqe().setValue(cfg.examples[Number(select.value)].query);
  });
  window.akgYasgui = yasgui;
  window.akgReady = true;
})();
