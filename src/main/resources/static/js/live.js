// Knowledge circle, live session: the htmx SSE extension's streams are made here, so that they can be closed when
// the page goes away (a form sent, a link followed). A stream the browser aborts on leaving would otherwise count as
// an error and be retried. Loaded after htmx and before the extension (which uses htmx.createEventSource when set).
(() => {
  if (typeof htmx === 'undefined') return;
  const sources = new Set();
  htmx.createEventSource = (url) => {
    const source = new EventSource(url, { withCredentials: true });
    sources.add(source);
    return source;
  };
  const closeAll = () => { sources.forEach((s) => s.close()); sources.clear(); };
  window.addEventListener('pagehide', closeAll);
  window.addEventListener('beforeunload', closeAll);
})();
