import { adjustCredits, ZAdjustCredits } from "@/server/domain/credits/adjust-credits";
import { creditSpendByDay, ZCreditSpendByDay } from "@/server/domain/credits/credit-spend-by-day";
import { getCreditBalance } from "@/server/domain/credits/get-credit-balance";
import { listCreditLedger, ZListCreditLedger } from "@/server/domain/credits/list-credit-ledger";
import { topUpCredits, ZTopUpCredits } from "@/server/domain/credits/top-up-credits";
import { actorUserId, router, workspaceProcedure } from "../init";

// Everyone in the workspace sees what is left and where it went (an API key with reports:read too, so
// an application can check before it sends); adding or correcting credits is an admin's or owner's call,
// and since keys act as at most editors, no key can.
const read = workspaceProcedure.meta({ scope: "reports:read" });
const manage = workspaceProcedure.meta({ role: "admin" });


export const creditsRouter = router({
  balance: read.query(({ ctx }) => getCreditBalance({ workspaceId: ctx.workspace.id })),
  ledger: read.input(ZListCreditLedger).query(({ ctx, input }) => listCreditLedger({ workspaceId: ctx.workspace.id, ...input })),
  spendByDay: read.input(ZCreditSpendByDay).query(({ ctx, input }) => creditSpendByDay({ workspaceId: ctx.workspace.id, ...input })),
  topUp: manage
    .input(ZTopUpCredits)
    .mutation(({ ctx, input }) => topUpCredits({ workspaceId: ctx.workspace.id, createdBy: actorUserId(ctx.actor), ...input })),
  adjust: manage
    .input(ZAdjustCredits)
    .mutation(({ ctx, input }) => adjustCredits({ workspaceId: ctx.workspace.id, createdBy: actorUserId(ctx.actor), ...input })),
});
