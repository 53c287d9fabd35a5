/** A merge tag the editors can insert. `value` is the Liquid inserted verbatim, e.g. `{{ contact.first_name | default: "there" }}`. */
export type MergeTag = { label: string; value: string; group: string };

/** Stores an image the author picked and returns the public URL that goes into the email. */
export type UploadImage = (file: File) => Promise<{ url: string }>;
