// Types for the parts of node-runtime.mjs that the tests read.
export declare const pinnedNode: { version: string; integrity: Record<string, string> };
export declare const supportedRange: string;
export declare function isSupportedNode(version?: string): boolean;
export declare function ensureSupportedNode(): Promise<void>;
