// What the test compares between the live page and its replay.
() => ({
  title: document.getElementById('title').textContent,
  items: [...document.querySelectorAll('#list li')].map((li) => li.textContent),
})
