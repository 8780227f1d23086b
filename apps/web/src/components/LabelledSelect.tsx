import { type ComponentProps, useId } from "react";

type Props = ComponentProps<"select"> & { label: string };

/**
 * A select labelled by a sibling <label for>: a label wrapped around a select would take the
 * options' text into its name ("CompanyAll companiesCoca Cola…").
 */
export function LabelledSelect({ label, children, ...selectProps }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...selectProps}>
        {children}
      </select>
    </div>
  );
}
