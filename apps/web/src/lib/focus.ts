// Set on navigation; a page whose code is still loading takes the focus when its heading mounts.
let headingFocusPending = false;

/** Moves focus to the page's heading (it has tabIndex=-1): where a screen reader user expects to start. */
export function focusPageHeading(): void {
  const heading = document.querySelector<HTMLElement>("main h1");
  if (heading) {
    headingFocusPending = false;
    heading.focus();
  } else {
    headingFocusPending = true;
  }
}

/** Called by a page's heading as it mounts: takes the focus a navigation asked for, if any. */
export function takePendingHeadingFocus(heading: HTMLElement | null): void {
  if (!headingFocusPending || !heading) return;
  headingFocusPending = false;
  heading.focus();
}

/**
 * Where focus should go when a dialog closes: back to what opened it, or, when that is gone (the
 * row it belonged to was deleted), to the page heading rather than nowhere.
 */
export function restoreFocus(opener: Element | null): void {
  requestAnimationFrame(() => {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    else focusPageHeading();
  });
}
