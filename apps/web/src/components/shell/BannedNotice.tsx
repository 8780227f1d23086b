/**
 * A banned user may still sign in and read; the banner says so on every page instead of letting
 * each refused action come as a surprise. (Phase 2: the policy's own words on each denial.)
 */
export function BannedNotice() {
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-950">
      <strong>Your account is banned.</strong> You can sign in and look around, but an administrator has restricted what
      you may change.
    </div>
  );
}
