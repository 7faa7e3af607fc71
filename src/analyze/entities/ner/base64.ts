/**
 * Base64 for packing model weights into JSON, with the browser/Node `btoa`/`atob` (no Buffer: the analyzer
 * must run in a browser). `decodeBase64(encodeBase64(new Uint8Array([1, 2])))` → `Uint8Array [1, 2]`.
 */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list small.
  for (let k = 0; k < bytes.length; k += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return btoa(binary);
}

/** The bytes of a base64 string. */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes;
}

/** Little-endian 16-bit integers ↔ bytes, whatever the platform's byte order. */
export function int16ToBytes(values: ArrayLike<number>): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 2));
  for (let k = 0; k < values.length; k++) view.setInt16(k * 2, values[k]!, true);
  return new Uint8Array(view.buffer);
}

/** See int16ToBytes. */
export function bytesToInt16(bytes: Uint8Array): Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int16Array(bytes.length / 2);
  for (let k = 0; k < out.length; k++) out[k] = view.getInt16(k * 2, true);
  return out;
}
