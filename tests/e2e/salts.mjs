// Fixed ballot salts for journeys that compare exports byte for byte: the page's
// crypto.getRandomValues takes a 16-byte salt from a queue the test fills before each Confirm;
// everything else, and every other random number, is the real app's.

/** The salt numbered `n`: 16 bytes anyone can recompute. */
export const salt = (n) => Array.from({ length: 16 }, (_, i) => (n * 31 + i) & 0xff);

/** Makes every page of `context` take its 16-byte random values from the queue first. */
export async function queueSalts(context) {
  await context.addInitScript(() => {
    window.__salts = [];
    const real = crypto.getRandomValues.bind(crypto);
    crypto.getRandomValues = (array) => {
      const next = window.__salts.shift();
      if (next && array.length === 16) {
        array.set(next);
        return array;
      }
      return real(array);
    };
  });
}

/** Queues salt `n` for the next ballot cast on `page`. */
export async function nextSalt(page, n) {
  await page.evaluate((bytes) => window.__salts.push(bytes), salt(n));
}
