/** A locale's part of an area's catalogue: exactly the English area's keys, each with its text. */
export type Catalogue<English> = { readonly [Key in keyof English]: string };
