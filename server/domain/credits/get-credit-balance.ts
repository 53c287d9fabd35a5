import { db } from "@/server/db/client";
import { readCreditBalance } from "./credit-balance-row";
import { emailMessagePrice } from "./credit-prices";

/** The balance, with what an email costs so pages can say how far it goes. */
export const getCreditBalance = async ({ workspaceId }: { workspaceId: string }) => ({
  balance: await readCreditBalance(db, workspaceId),
  emailPrice: emailMessagePrice(),
});
