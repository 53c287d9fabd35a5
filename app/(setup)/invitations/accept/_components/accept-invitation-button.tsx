"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/trpc-errors";
import { openWorkspace } from "@/lib/workspace-cookie";

export function AcceptInvitationButton({ token, workspaceName }: { token: string; workspaceName: string }) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const [opening, setOpening] = useState(false);
  return (
    <div className="space-y-4">
      {accept.error && <Alert tone="error">{errorMessage(accept.error)}</Alert>}
      <Button
        className="w-full"
        pending={accept.isPending || opening}
        onClick={() =>
          accept.mutate(
            { token },
            {
              onSuccess: ({ workspaceId }) => {
                setOpening(true);
                openWorkspace(workspaceId, "/contacts");
              },
            },
          )
        }
      >
        Accept invitation
      </Button>
      <span className="sr-only" aria-live="polite">
        {opening ? `Joined ${workspaceName}; opening it` : ""}
      </span>
    </div>
  );
}
