/**
 * The first stop of the Tab key: straight to the page's content, past the header. A button, not
 * an `<a href="#main">`: the URL hash belongs to the router.
 */
export function SkipLink() {
  return (
    <button
      type="button"
      onClick={() => document.getElementById("main")?.focus()}
      className="sr-only z-50 rounded-md bg-white px-4 py-2 font-semibold text-blue-800 underline shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
    >
      Skip to main content
    </button>
  );
}
