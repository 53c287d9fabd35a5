import { z } from "zod";
import { changeConsent, ZChangeConsent } from "@/server/domain/contacts/change-consent";
import { countContacts, ZCountContacts } from "@/server/domain/contacts/count-contacts";
import { createContact, ZCreateContact } from "@/server/domain/contacts/create-contact";
import { deleteContact } from "@/server/domain/contacts/delete-contact";
import { getContact } from "@/server/domain/contacts/get-contact";
import { searchContacts, ZSearchContacts } from "@/server/domain/contacts/search-contacts";
import { updateContact, ZUpdateContact } from "@/server/domain/contacts/update-contact";
import { router, workspaceProcedure, type WorkspaceActor } from "../init";

const ZContactId = z.object({ contactId: z.uuid({ message: "contactId must be a contact id" }) });

/** Consent history says who made a change: a person in the app, or an integration through the API. */
const sourceFor = (actor: WorkspaceActor) => (actor.kind === "apiKey" ? "api" : "manual");

const read = workspaceProcedure.meta({ scope: "contacts:read" });
const write = workspaceProcedure.meta({ scope: "contacts:write" });

export const contactsRouter = router({
  list: read
    .input(ZSearchContacts.optional())
    .query(({ ctx, input }) => searchContacts({ workspaceId: ctx.workspace.id, ...input })),
  count: read
    .input(ZCountContacts.optional())
    .query(({ ctx, input }) => countContacts({ workspaceId: ctx.workspace.id, ...input })),
  get: read.input(ZContactId).query(({ ctx, input }) => getContact({ workspaceId: ctx.workspace.id, ...input })),
  create: write
    .input(ZCreateContact)
    .mutation(({ ctx, input }) => createContact({ workspaceId: ctx.workspace.id, source: sourceFor(ctx.actor), ...input })),
  update: write.input(ZUpdateContact).mutation(({ ctx, input }) => updateContact({ workspaceId: ctx.workspace.id, ...input })),
  delete: write.input(ZContactId).mutation(({ ctx, input }) => deleteContact({ workspaceId: ctx.workspace.id, ...input })),
  changeConsent: write
    .input(ZChangeConsent.extend({ source: ZChangeConsent.shape.source.optional() }))
    .mutation(({ ctx, input }) =>
      changeConsent({ workspaceId: ctx.workspace.id, ...input, source: input.source ?? sourceFor(ctx.actor) }),
    ),
});
