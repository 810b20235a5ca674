// Safe reads of a request nobody has checked: the editor may hold any JSON, so a member the hints
// look at may be missing or of another type, and a hint must still not throw.

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is an array, else an empty one. */
export function arrayOf(value) {
  return Array.isArray(value) ? value : [];
}

/** `value` when it is a JSON object, else an empty one. */
export function objectOf(value) {
  return isPlainObject(value) ? value : {};
}
