import { useEffect, useState } from "react";

/** The value, once it has stopped changing for `delay` ms (so typing does not fire a query per key). */
export const useDebounced = <T>(value: T, delay = 250) => {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
};
