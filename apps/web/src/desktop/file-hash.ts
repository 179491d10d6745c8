/**
 * The SHA-256 of a file the officer picks, in hexadecimal, computed in the browser: records keep
 * the hash of a signed paper (a consent form, a meeting's minutes), never the file, which stays
 * on the desk or in the unit's own file store.
 */
export async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
