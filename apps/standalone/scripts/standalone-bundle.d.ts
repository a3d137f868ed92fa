// Types of standalone-bundle.js, which stays plain JavaScript because it runs before anything compiles.

export interface BundleLocation {
  /** The TypeScript entry point; the standalone's main.ts by default. */
  entry?: string;
  /** Where the bundle and its list of inputs are kept; node_modules/.cache/relais-standalone by default. */
  outDir?: string;
}

export const STANDALONE_CACHE_DIR: string;
export const STANDALONE_ENTRY: string;

export function bundleIsStale(location?: BundleLocation): Promise<boolean>;
export function buildBundle(location?: BundleLocation): Promise<string>;
export function ensureBundle(
  location?: BundleLocation & { onBuild?: () => void },
): Promise<{ file: string; built: boolean }>;
