/** Credits as people read them: up to the 4 decimals prices are stored with, no trailing zeros. */
export const formatCredits = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 4 });
