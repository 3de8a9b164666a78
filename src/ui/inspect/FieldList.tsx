// A definition list of named fields: the Figure 2 name in code type, its value beside it. A field
// a lesson points at is marked, with words for screen readers too.
export interface Field {
  /** Figure 2 name (or a plain label), shown as is. */
  readonly name: string;
  /** A short translated gloss shown after the name, if any. */
  readonly gloss?: string;
  readonly value: string;
  readonly tone?: 'lost' | 'warn';
  /** A lesson points at this field: the words that say so, e.g. "the lesson points here". */
  readonly pointer?: string;
}

export function FieldList({ fields }: { fields: readonly Field[] }) {
  return (
    <dl className="rl-fields">
      {fields.map((f) => {
        const classes = ['rl-field'];
        if (f.tone) classes.push(`rl-field-${f.tone}`);
        if (f.pointer) classes.push('rl-field-focus');
        return (
          <div
            key={f.name}
            className={classes.join(' ')}
            data-highlight={f.pointer ? 'focus' : undefined}
            title={f.pointer}
          >
            <dt>
              <code>{f.name}</code>
              {f.gloss && <span className="rl-field-gloss"> {f.gloss}</span>}
              {f.pointer && <span className="rl-visually-hidden"> ({f.pointer})</span>}
            </dt>
            <dd>{f.value}</dd>
          </div>
        );
      })}
    </dl>
  );
}
