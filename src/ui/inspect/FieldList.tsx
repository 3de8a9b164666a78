// A definition list of named fields: the Figure 2 name in code type, its value beside it.
export interface Field {
  /** Figure 2 name (or a plain label), shown as is. */
  readonly name: string;
  /** A short translated gloss shown after the name, if any. */
  readonly gloss?: string;
  readonly value: string;
  readonly tone?: 'lost' | 'warn';
}

export function FieldList({ fields }: { fields: readonly Field[] }) {
  return (
    <dl className="rl-fields">
      {fields.map((f) => (
        <div key={f.name} className={f.tone ? `rl-field rl-field-${f.tone}` : 'rl-field'}>
          <dt>
            <code>{f.name}</code>
            {f.gloss && <span className="rl-field-gloss"> {f.gloss}</span>}
          </dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
