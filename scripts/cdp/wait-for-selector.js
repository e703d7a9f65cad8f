// Resolves when an element matching `selector` exists, rejects after `timeoutMs`.
// Watches DOM mutations instead of polling, so a page that renders late costs nothing meanwhile.
({selector, timeoutMs}) => new Promise((resolve, reject) => {
  if (document.querySelector(selector)) return resolve(true);
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector)) {
      observer.disconnect();
      clearTimeout(timer);
      resolve(true);
    }
  });
  observer.observe(document.documentElement, {childList: true, subtree: true, attributes: true});
  const timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error(`selector not found within ${timeoutMs} ms: ${selector}`));
  }, timeoutMs);
})
