// Hides most of an email address or phone number on admin screens ("s•••@bazaar.test", "+44•••••23").

export function maskDestination(value: string | null): string | null {
  if (!value) return null;
  const at = value.lastIndexOf("@");
  if (at > 0) return `${value[0]}•••${value.slice(at)}`;
  const digits = value.replace(/[^\d+]/g, "");
  if (digits.length >= 6) return `${digits.slice(0, 3)}•••••${digits.slice(-2)}`;
  return "•••";
}
