// Room on disk, measured for real: the browser's estimate cannot be trusted for it (Chromium
// answers "usage + 1 GiB" on a disk with 35 MB left). So before a large write, the storage
// layer writes that many bytes of random data to a scratch cache and deletes it at once: if the
// disk cannot hold them, the Cache API refuses them harmlessly, where a full disk in the middle
// of an IndexedDB transaction can make the browser discard the whole database.

const SCRATCH = 'carnet-room-probe';
const BLOCK = 65536; // crypto.getRandomValues fills at most this many bytes per call

/** true: `bytes` fit now; false: the disk refused them; null: no Cache API to ask. */
export async function probe_room(bytes) {
  if (!globalThis.caches || !globalThis.crypto) return null;
  let fits = true;
  try {
    // Random, so that no compressing file system makes the probe cheaper than the real write.
    const parts = [];
    for (let left = bytes; left > 0; left -= BLOCK) {
      const part = new Uint8Array(Math.min(BLOCK, left));
      crypto.getRandomValues(part);
      parts.push(part);
    }
    const cache = await caches.open(SCRATCH);
    await cache.put(new Request('room-probe'), new Response(new Blob(parts)));
  } catch (e) {
    fits = false;
  }
  try {
    await caches.delete(SCRATCH);
  } catch {}
  return fits;
}
