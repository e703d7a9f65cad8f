/*
 * The warm-read tests' site: its data layer is GET /api/notices (a JSON array of items), its
 * rendered list is li.notice. Layers as in the real scripts: api first, and a warm re-read stops
 * there, because the DOM of a page rendered cycles ago is stale.
 */
async (ctx) => {
  const warnings = [];
  try {
    const res = await fetch('/api/notices', { cache: 'no-store' });
    if (!res.ok) throw new Error('HTTP ' + res.status);
    const items = await res.json();
    if (items.length) return { items, strategy: 'api', warnings };
    warnings.push('api: no notices');
  } catch (e) {
    warnings.push('api: ' + ((e && e.message) || e));
  }
  if (ctx && ctx.warm) return { items: [], strategy: 'none', warnings };
  const items = Array.from(document.querySelectorAll('li.notice')).map((li) => ({ title: li.textContent.trim() }));
  return { items, strategy: 'dom', warnings };
}
