/** The parts of smpp 0.5.1 (https://github.com/farhadi/node-smpp) Herald uses; the package ships no types. */
declare module "smpp" {
  import type { EventEmitter } from "node:events";
  import type { Server as NetServer, Socket, LookupFunction } from "node:net";

  export type PduFields = Record<string, unknown> & { command_status?: number; sequence_number?: number };

  export interface PDU extends Record<string, unknown> {
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    isResponse(): boolean;
    response(options?: PduFields): PDU;
  }

  export type PduCallback = (pdu: PDU) => void;

  export class Session extends EventEmitter {
    socket: Socket;
    send(pdu: PDU, responseCallback?: PduCallback, sendCallback?: PduCallback): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
    bind_transceiver(options: PduFields, responseCallback?: PduCallback): boolean;
    submit_sm(options: PduFields, responseCallback?: PduCallback): boolean;
    deliver_sm(options: PduFields, responseCallback?: PduCallback): boolean;
    enquire_link(options?: PduFields | PduCallback, responseCallback?: PduCallback): boolean;
    unbind(options?: PduFields | PduCallback, responseCallback?: PduCallback): boolean;
  }

  export type ConnectOptions = {
    host: string;
    port: number;
    tls?: boolean;
    /** Passed through to net.connect / tls.connect. */
    lookup?: LookupFunction;
    servername?: string;
    rejectUnauthorized?: boolean;
    auto_enquire_link_period?: number;
  };

  export function connect(options: ConnectOptions, listener?: () => void): Session;

  export interface Server extends NetServer {
    sessions: Session[];
  }

  export function createServer(options: Record<string, unknown>, listener: (session: Session) => void): Server;
  export function createServer(listener: (session: Session) => void): Server;

  export const ESME_ROK: number;
  export const ESME_RTHROTTLED: number;
  export const ESME_RINVPASWD: number;
  export const ESME_RINVDSTADR: number;
}
