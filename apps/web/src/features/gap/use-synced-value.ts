import { useState } from 'react';

/**
 * A field's local value that follows the saved one: typing changes only the local value (saved on
 * blur), and when the saved value changes from elsewhere (a colleague's version loaded, an import)
 * the field shows it.
 */
export function useSyncedValue<T>(saved: T): [T, (v: T) => void] {
  const [value, setValue] = useState(saved);
  const [seen, setSeen] = useState(saved);
  if (!Object.is(seen, saved)) {
    setSeen(saved);
    setValue(saved);
  }
  return [value, setValue];
}
