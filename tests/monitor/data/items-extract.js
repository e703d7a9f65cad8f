// Test extract script: returns the items the test page put in window.__TEST_ITEMS__.
async (ctx) => ({items: window.__TEST_ITEMS__ || [], strategy: 'test', warnings: []})
