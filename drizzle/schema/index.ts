export * from "./auth";
export * from "./workspaces";
export * from "./api-keys";
export * from "./outbox";
export * from "./audience";
export * from "./content";
export * from "./delivery";
export * from "./journeys";
