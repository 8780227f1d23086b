import { toggleTag } from "../lib/contact-draft.ts";
import { useTags } from "../lib/use-pickers.ts";
import { FieldError } from "./FieldError.tsx";

interface Props {
  selected: string[];
  onChange: (tags: string[]) => void;
  error: string | undefined;
}

/** One checkbox per tag, grouped in a fieldset so the group has a name. */
export function TagPicker({ selected, onChange, error }: Props) {
  const tags = useTags();
  return (
    <fieldset className="tags" aria-describedby={error ? "tags-error" : undefined}>
      <legend>Tags</legend>
      {tags.length === 0 && <span className="muted">No tags yet.</span>}
      {tags.map((tag) => (
        <label key={tag} className="check">
          <input
            type="checkbox"
            checked={selected.includes(tag)}
            onChange={(e) => onChange(toggleTag(selected, tag, e.target.checked))}
          />
          {tag}
        </label>
      ))}
      <FieldError id="tags-error" message={error} />
    </fieldset>
  );
}
