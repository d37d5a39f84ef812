/** Same keys as T, any string values: for a section's English messages typed against its Chinese ones. */
export type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
