// Exercises every kind of exchange the recorder must keep: a GET API, a form POST, a redirect and
// a binary body. The page marks itself done so tests can wait for it.
(async () => {
  const list = document.getElementById('list');
  const add = (text) => {
    const li = document.createElement('li');
    li.textContent = text;
    list.appendChild(li);
  };
  const items = await fetch('/api/items?page=1').then((r) => r.json());
  items.forEach(add);
  add(await fetch('/api/search', {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8'},
    body: 'keyword=%EB%AE%A4%EC%A7%80%EC%BB%AC&page=2',
  }).then((r) => r.text()));
  add(await fetch('/old/notice').then((r) => r.text()));
  const bytes = new Uint8Array(await fetch('/data.bin').then((r) => r.arrayBuffer()));
  add('bytes:' + Array.from(bytes).join(','));
  document.body.dataset.done = '1';
})();
