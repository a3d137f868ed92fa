export function summariseProfiles(_dir: string): string | undefined {
  return undefined;
}
