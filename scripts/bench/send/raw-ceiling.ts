import net from "node:net";

/**
 * The ceiling for comparison: pre-built messages pushed into the sink by a minimal client that
 * pipelines whole transactions (MAIL, RCPT, DATA and the body written without waiting, RFC 2920), over
 * `connections` sockets. Nothing Herald does per message (filtering, rendering, charging, logging) is here.
 */
export const pushRaw = async ({ port, messages, total, connections = 4 }: { port: number; messages: Buffer[]; total: number; connections?: number }) => {
  const start = performance.now();
  const share = Math.ceil(total / connections);
  await Promise.all(Array.from({ length: connections }, (_, c) => pushOn(port, messages, Math.max(0, Math.min(share, total - c * share)))));
  return { seconds: (performance.now() - start) / 1000 };
};

/** Writes `count` transactions (cycling through the pre-built ones), respecting backpressure. */
const pushOn = (port: number, messages: Buffer[], count: number) =>
  new Promise<void>((resolve, reject) => {
    if (count === 0) return resolve();
    const socket = net.connect(port, "127.0.0.1");
    let buffer = "";
    let replies = 0;
    socket.on("error", reject);
    socket.on("close", () => resolve());
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      let newline: number;
      while ((newline = buffer.indexOf("\r\n")) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (!/^\d{3} /.test(line)) continue;
        replies++;
        if (replies === 1) socket.write("EHLO bench\r\n");
        if (replies === 2) {
          let sent = 0;
          const pump = () => {
            while (sent < count) {
              const ok = socket.write(messages[sent++ % messages.length]!);
              if (!ok) return void socket.once("drain", pump);
            }
            socket.write("QUIT\r\n");
          };
          pump();
        }
      }
    });
  });
