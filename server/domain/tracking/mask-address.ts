/**
 * An address as the unsubscribe page shows it: enough for the reader to recognise their own
 * (`al•••@example.com`, `+852 •••• 4567`), not enough to harvest from a forwarded link.
 */
export const maskAddress = (address: string): string => {
  const at = address.lastIndexOf("@");
  if (at > 0) {
    const local = address.slice(0, at);
    const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
    return `${shown}•••@${address.slice(at + 1)}`;
  }
  const digits = address.replace(/\D/g, "");
  if (digits.length < 6) return "•••";
  return `${address.startsWith("+") ? "+" : ""}${digits.slice(0, 3)} •••• ${digits.slice(-4)}`;
};
