import { useSession } from "../lib/session.ts";

/**
 * A denial's Cerbos call id, small, for support. Admins get it as a link to the decision lookup
 * (#/admin/decisions), which reads the decision from the PDPs' own audit trail.
 */
export function Reference({ callId, className }: { callId: string; className?: string }) {
  const isAdmin = useSession()?.user.role === "admin";
  return (
    <p className={className ?? "text-xs text-slate-700"}>
      Reference for support (Cerbos call id):{" "}
      {isAdmin ? (
        <a href={`#/admin/decisions?callId=${encodeURIComponent(callId)}`} className="break-all font-mono">
          {callId}
        </a>
      ) : (
        <code className="break-all">{callId}</code>
      )}
    </p>
  );
}
