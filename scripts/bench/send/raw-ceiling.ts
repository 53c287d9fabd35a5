import net from "node:net";

/**
 * The ceiling for comparison: pre-built messages pushed into the sink by a minimal client that
 * pipelines whole transactions (MAIL, RCPT, DATA and the body written without waiting, RFC 2920), over
 * `connections` sockets. Nothing Herald does per message (filtering, rendering, charging, logging) is here.
 */
export const pushRaw = async ({ port, messages, connections = 4 }: { port: number; messages: string[]; connections?: number }) => {
  const start = performance.now();
  const share = Math.ceil(messages.length / connections);
  await Promise.all(
    Array.from({ length: connections }, (_, c) => pushOn(port, messages.slice(c * share, (c + 1) * share))),
  );
  return { seconds: (performance.now() - start) / 1000 };
};

const pushOn = (port: number, messages: string[]) =>
  new Promise<void>((resolve, reject) => {
    if (messages.length === 0) return resolve();
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
          for (const raw of messages) socket.write(`MAIL FROM:<bench@bench.example>\r\nRCPT TO:<r@bench.example>\r\nDATA\r\n${raw}\r\n.\r\n`);
          socket.write("QUIT\r\n");
        }
      }
    });
  });
