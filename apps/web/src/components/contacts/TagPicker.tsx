import { toggleTag } from "../../lib/contact-draft.ts";
import { useTags } from "../../lib/use-pickers.ts";
import { Checkbox, FieldError } from "../ui/field.tsx";

interface Props {
  id: string;
  selected: string[];
  onChange: (tags: string[]) => void;
  error: string | undefined;
}

/** One checkbox per tag, grouped in a fieldset so the group has a name. */
export function TagPicker({ id, selected, onChange, error }: Props) {
  const tags = useTags();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={errorId} className="flex flex-col gap-1">
      <legend className="mb-1 font-medium">Tags</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-1">
        {tags.length === 0 && <span className="text-slate-600">No tags yet.</span>}
        {tags.map((tag) => (
          <Checkbox
            key={tag}
            label={tag}
            checked={selected.includes(tag)}
            onChange={(e) => onChange(toggleTag(selected, tag, e.target.checked))}
          />
        ))}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
