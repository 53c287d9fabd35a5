import type { AddressInfo } from "node:net";
import * as smpp from "smpp";

/** One submit_sm the peer accepted, decoded by the smpp package (an implementation independent of Herald's encoder). */
export type PeerSubmit = {
  to: string;
  from: string;
  sourceTon: number;
  dataCoding: number;
  esmClass: number;
  /** The concatenation header of a multi-part message: reference, parts, this part's number. */
  concat: { reference: number; total: number; part: number } | null;
  text: string;
  providerId: string;
  session: smpp.Session;
};

/** A whole message as a handset would show it: its parts joined. */
export type PeerMessage = { to: string; from: string; text: string; parts: number; providerIds: string[]; dataCoding: number };

/**
 * A real SMPP server on loopback for tests (smpp.createServer): accepts bind_transceiver with the
 * given credentials, answers enquire_link, records every submit_sm it accepts with a message id,
 * refuses submits with a chosen status while `refuseWhen` says so, and sends delivery receipts back.
 */
export const startSmppPeer = async ({ systemId = "herald", password = "secret" }: { systemId?: string; password?: string } = {}) => {
  const submits: PeerSubmit[] = [];
  const refusals: number[] = [];
  const binds: { systemId: string; ok: boolean }[] = [];
  let refuse: (n: number) => number | null = () => null;
  let received = 0;
  let nextId = 1;

  const server = smpp.createServer((session) => {
    session.on("error", () => {});
    session.on("bind_transceiver", (pdu: smpp.PDU) => {
      const ok = pdu.system_id === systemId && pdu.password === password;
      binds.push({ systemId: String(pdu.system_id), ok });
      session.send(pdu.response(ok ? { system_id: "peer" } : { command_status: smpp.ESME_RINVPASWD }));
      if (!ok) session.close();
    });
    session.on("enquire_link", (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on("unbind", (pdu: smpp.PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on("submit_sm", (pdu: smpp.PDU) => {
      const status = refuse(++received);
      if (status) {
        refusals.push(status);
        return void session.send(pdu.response({ command_status: status }));
      }
      const body = pdu.short_message as { message: string; udh?: Buffer[] };
      const header = body.udh?.find((ie) => ie[0] === 0x00);
      const providerId = `peer-${nextId++}`;
      submits.push({
        to: String(pdu.destination_addr),
        from: String(pdu.source_addr),
        sourceTon: Number(pdu.source_addr_ton),
        dataCoding: Number(pdu.data_coding),
        esmClass: Number(pdu.esm_class),
        concat: header ? { reference: header[2]!, total: header[3]!, part: header[4]! } : null,
        text: body.message,
        providerId,
        session,
      });
      session.send(pdu.response({ message_id: providerId }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  /** Parts grouped into messages by (destination, reference), in the order their first part arrived. */
  const messages = (): PeerMessage[] => {
    const grouped = new Map<string, PeerSubmit[]>();
    submits.forEach((submit, index) => {
      const key = submit.concat ? `${submit.to}|${submit.concat.reference}|${submit.concat.total}` : `single|${index}`;
      grouped.set(key, [...(grouped.get(key) ?? []), submit]);
    });
    return [...grouped.values()].map((parts) => {
      const ordered = [...parts].sort((a, b) => (a.concat?.part ?? 0) - (b.concat?.part ?? 0));
      return {
        to: ordered[0]!.to,
        from: ordered[0]!.from,
        text: ordered.map((p) => p.text).join(""),
        parts: ordered.length,
        providerIds: ordered.map((p) => p.providerId),
        dataCoding: ordered[0]!.dataCoding,
      };
    });
  };

  /** Sends a receipt (deliver_sm with esm_class 0x04) for each of these provider ids, on the session that submitted it. */
  const sendReceipts = async (providerIds: string[], stat: "DELIVRD" | "UNDELIV" = "DELIVRD") => {
    await Promise.all(
      providerIds.map((id) => {
        const submit = submits.find((s) => s.providerId === id);
        if (!submit) throw new Error(`no submit with provider id ${id}`);
        return new Promise<number>((resolve) =>
          submit.session.deliver_sm(
            {
              source_addr: submit.to,
              destination_addr: submit.from,
              esm_class: 0x04,
              short_message: `id:${id} sub:001 dlvrd:${stat === "DELIVRD" ? "001" : "000"} submit date:2511250000 done date:2511250001 stat:${stat} err:${stat === "DELIVRD" ? "000" : "034"} text:`,
            },
            (resp) => resolve(resp.command_status),
          ),
        );
      }),
    );
  };

  return {
    host: "127.0.0.1",
    port,
    submits,
    refusals,
    binds,
    messages,
    sendReceipts,
    /** `status(n)` for the n-th submit_sm received (1-based): a command status to refuse it with, or null to accept. */
    refuseWhen: (status: (n: number) => number | null) => {
      refuse = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of [...server.sessions]) session.destroy();
        server.close(() => resolve());
      }),
  };
};

export type SmppPeer = Awaited<ReturnType<typeof startSmppPeer>>;
