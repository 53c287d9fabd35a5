import { env } from "@/server/env";

/**
 * At most N messages in flight per recipient domain in this process, so a big send does not open
 * dozens of simultaneous deliveries to one mailbox provider (which greylists or throttles for it).
 */
export class DomainGate {
  private active = new Map<string, number>();
  private waiting = new Map<string, (() => void)[]>();
  constructor(private readonly limit = env().DOMAIN_CONCURRENCY) {}

  async enter(domain: string) {
    const count = this.active.get(domain) ?? 0;
    if (count < this.limit) {
      this.active.set(domain, count + 1);
      return;
    }
    await new Promise<void>((resolve) => {
      const queue = this.waiting.get(domain) ?? [];
      queue.push(resolve);
      this.waiting.set(domain, queue);
    });
  }

  leave(domain: string) {
    const queue = this.waiting.get(domain);
    const wake = queue?.shift();
    if (wake) return wake(); // the slot passes straight to the next in line
    const count = (this.active.get(domain) ?? 1) - 1;
    if (count === 0) this.active.delete(domain);
    else this.active.set(domain, count);
  }
}
