// What the person has clicked to inspect: a node or a message in flight.
export type Selection =
  | { readonly kind: 'node'; readonly id: number }
  | { readonly kind: 'flight'; readonly id: number }
  | null;
