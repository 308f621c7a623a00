export declare function wasiImports(shim: Record<string, Record<string, unknown>>): Record<string, unknown>
