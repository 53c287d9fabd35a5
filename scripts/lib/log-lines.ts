/**
 * Turns the children's pino JSON lines into readable, prefixed lines for a terminal:
 *   12:00:01 worker  INFO  worker ready concurrency=5
 * Lines that are not JSON (Next's own banner, Postgres) pass through with the prefix.
 */
const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO ", 40: "WARN ", 50: "ERROR", 60: "FATAL" };
const COLORS = [36, 35, 33, 32, 34, 91, 96];
const OMIT = new Set(["level", "time", "msg", "pid", "hostname", "process", "v"]);

export const useColor = process.stdout.isTTY && !process.env.NO_COLOR;

const paint = (code: number, text: string) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);

const formatValue = (value: unknown) => {
  if (typeof value === "string") return /\s/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
};

export const makePrefixer = (name: string, index: number, width: number) => {
  const tag = paint(COLORS[index % COLORS.length]!, name.padEnd(width));
  return (line: string) => {
    const trimmed = line.trimEnd();
    if (!trimmed) return null;
    const clock = new Date().toTimeString().slice(0, 8);
    if (trimmed.startsWith("{")) {
      try {
        const entry = JSON.parse(trimmed) as Record<string, unknown>;
        const level = LEVELS[Number(entry.level)] ?? "INFO ";
        const levelText = Number(entry.level) >= 50 ? paint(31, level) : Number(entry.level) >= 40 ? paint(33, level) : level;
        const err = entry.err as { message?: string; stack?: string } | undefined;
        const extras = Object.entries(entry)
          .filter(([key]) => !OMIT.has(key) && key !== "err")
          .map(([key, value]) => `${key}=${formatValue(value)}`)
          .join(" ");
        const base = `${clock} ${tag} ${levelText} ${String(entry.msg ?? "")}${extras ? ` ${paint(90, extras)}` : ""}`;
        return err ? `${base}\n${paint(31, err.stack ?? err.message ?? String(err))}` : base;
      } catch {
        // Not JSON after all: print as is.
      }
    }
    return `${clock} ${tag}       ${trimmed}`;
  };
};

/** Splits a stream into lines and writes each through the prefixer. */
export const pipeLines = (stream: NodeJS.ReadableStream, prefix: (line: string) => string | null, out = process.stdout) => {
  let buffered = "";
  stream.setEncoding?.("utf8");
  stream.on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      const formatted = prefix(line);
      if (formatted) out.write(`${formatted}\n`);
    }
  });
  stream.on("end", () => {
    const formatted = buffered ? prefix(buffered) : null;
    if (formatted) out.write(`${formatted}\n`);
  });
};
