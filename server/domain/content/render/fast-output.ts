import { escapeHtml } from "./html-escape";

/**
 * A compiler for the outputs that make up nearly every merge tag (`{{ contact.first_name | default:
 * "there" }}`) into plain closures. liquidjs spends about 2 µs per output on its generic machinery;
 * a newsletter with ten tags then caps at ~50,000 renders a second before anything else is done.
 * Anything outside this small grammar (tags, unknown filters, named arguments) returns null and the
 * template renders through liquidjs instead. `fast-output.test.ts` checks both agree on every filter here.
 */
export type Scope = Record<string, unknown>;
export type OutputFn = (scope: Scope) => string;

type Expr = (scope: Scope) => unknown;
type Filter = (value: unknown, args: unknown[]) => unknown;

const stringify = (value: unknown): string => {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(stringify).join("");
  return String(value);
};

const isEmptyish = (value: unknown) =>
  value === null || value === undefined || value === false || ((typeof value === "string" || Array.isArray(value)) && value.length === 0);

const FILTERS: Record<string, { arity: [number, number]; run: Filter }> = {
  default: { arity: [0, 1], run: (v, [d]) => (isEmptyish(v) ? d : v) },
  upcase: { arity: [0, 0], run: (v) => stringify(v).toUpperCase() },
  downcase: { arity: [0, 0], run: (v) => stringify(v).toLowerCase() },
  capitalize: {
    arity: [0, 0],
    run: (v) => {
      const s = stringify(v);
      return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
    },
  },
  strip: { arity: [0, 0], run: (v) => stringify(v).trim() },
  lstrip: { arity: [0, 0], run: (v) => stringify(v).trimStart() },
  rstrip: { arity: [0, 0], run: (v) => stringify(v).trimEnd() },
  append: { arity: [1, 1], run: (v, [a]) => stringify(v) + stringify(a) },
  prepend: { arity: [1, 1], run: (v, [a]) => stringify(a) + stringify(v) },
  escape: { arity: [0, 0], run: (v) => escapeHtml(stringify(v)) },
  url_encode: { arity: [0, 0], run: (v) => encodeURIComponent(stringify(v)).replace(/%20/g, "+") },
  remove: { arity: [1, 1], run: (v, [a]) => stringify(v).split(stringify(a)).join("") },
  replace: { arity: [2, 2], run: (v, [a, b]) => stringify(v).split(stringify(a)).join(stringify(b)) },
  size: { arity: [0, 0], run: (v) => (typeof v === "string" || Array.isArray(v) ? v.length : 0) },
  raw: { arity: [0, 0], run: (v) => v },
};

/** Property access as liquidjs does it with ownPropertyOnly, including the `size`/`first`/`last` extras. */
const readProperty = (target: unknown, key: string | number): unknown => {
  if (target === null || target === undefined) return undefined;
  if (typeof target === "string") return key === "size" ? target.length : undefined;
  if (typeof target !== "object") return undefined;
  if (Object.hasOwn(target, key)) return (target as Record<string | number, unknown>)[key];
  if (Array.isArray(target)) {
    if (key === "size") return target.length;
    if (key === "first") return target[0];
    if (key === "last") return target[target.length - 1];
  }
  return undefined;
};

const IDENT = /^[A-Za-z_][\w-]*/;
const STRING = /^(?:"([^"]*)"|'([^']*)')/;
const NUMBER = /^-?\d+(?:\.\d+)?(?![\w.])/;

class Reader {
  constructor(public rest: string) {}
  skipSpace() {
    this.rest = this.rest.replace(/^\s+/, "");
  }
  take(pattern: RegExp): RegExpMatchArray | null {
    this.skipSpace();
    const match = this.rest.match(pattern);
    if (match) this.rest = this.rest.slice(match[0].length);
    return match;
  }
  peek(char: string) {
    this.skipSpace();
    return this.rest.startsWith(char);
  }
  eat(char: string) {
    if (!this.peek(char)) return false;
    this.rest = this.rest.slice(char.length);
    return true;
  }
}

const readOperand = (reader: Reader): Expr | null => {
  const str = reader.take(STRING);
  if (str) {
    const value = str[1] ?? str[2] ?? "";
    return () => value;
  }
  const num = reader.take(NUMBER);
  if (num) {
    const value = Number(num[0]);
    return () => value;
  }
  const ident = reader.take(IDENT);
  if (!ident) return null;
  const root = ident[0];
  if (root === "true" || root === "false") return () => root === "true";
  if (root === "nil" || root === "null" || root === "empty" || root === "blank") return root === "nil" || root === "null" ? () => null : null;
  const keys: (string | number)[] = [];
  for (;;) {
    if (reader.rest.startsWith(".")) {
      reader.rest = reader.rest.slice(1);
      const key = reader.rest.match(IDENT);
      if (!key) return null;
      reader.rest = reader.rest.slice(key[0].length);
      keys.push(key[0]);
    } else if (reader.rest.startsWith("[")) {
      reader.rest = reader.rest.slice(1);
      const key = reader.take(STRING) ?? reader.take(/^\d+(?![\w.])/);
      if (!key || !reader.eat("]")) return null;
      keys.push(key[1] !== undefined || key[2] !== undefined ? (key[1] ?? key[2]!) : Number(key[0]));
    } else break;
  }
  return (scope) => {
    let value: unknown = readProperty(scope, root);
    for (const key of keys) value = readProperty(value, key);
    return value;
  };
};

/**
 * Compiles the inside of `{{ ... }}` (without the braces or whitespace-control dashes), or null when it
 * needs liquidjs. In the "html" context the result is escaped unless the last filter is `raw`.
 */
export const compileFastOutput = (expression: string, context: "html" | "text"): OutputFn | null => {
  const reader = new Reader(expression);
  const initial = readOperand(reader);
  if (!initial) return null;
  const filters: { run: Filter; args: Expr[] }[] = [];
  let lastFilter = "";
  while (reader.eat("|")) {
    const name = reader.take(IDENT)?.[0];
    const filter = name ? FILTERS[name] : undefined;
    if (!name || !filter) return null;
    const args: Expr[] = [];
    if (reader.eat(":")) {
      do {
        const arg = readOperand(reader);
        if (!arg || reader.peek(":")) return null;
        args.push(arg);
      } while (reader.eat(","));
    }
    if (args.length < filter.arity[0] || args.length > filter.arity[1]) return null;
    filters.push({ run: filter.run, args });
    lastFilter = name;
  }
  reader.skipSpace();
  if (reader.rest.length > 0) return null;
  const escape = context === "html" && lastFilter !== "raw";
  if (filters.length === 0) return escape ? (scope) => escapeHtml(stringify(initial(scope))) : (scope) => stringify(initial(scope));
  return (scope) => {
    let value = initial(scope);
    for (const filter of filters) value = filter.run(value, filter.args.map((arg) => arg(scope)));
    const text = stringify(value);
    return escape ? escapeHtml(text) : text;
  };
};
