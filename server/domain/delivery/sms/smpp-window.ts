/** A counting semaphore: at most `size` submit_sm awaiting their response on one SMPP connection. */
export class SmppWindow {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release() {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes straight to the next in line
    else this.active--;
  }
}
