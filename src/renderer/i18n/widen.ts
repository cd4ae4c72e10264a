/** The shape of the default language's messages with every literal widened to string: what a translation must fill. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
