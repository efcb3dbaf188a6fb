import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * Buffered appends to one file through a descriptor, so an index part is written as it is made instead of held
 * whole in memory; `bytes` counts what was written (the offset of the next write).
 */
export class AppendFile {
  private readonly fd: number;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private closed = false;
  bytes = 0;
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }
  write(data: string | Uint8Array): void {
    const b = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.pending.push(b);
    this.pendingBytes += b.length;
    this.bytes += b.length;
    if (this.pendingBytes > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.pendingBytes) writeSync(this.fd, Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }
  /** copies bytes [a, b) of an open file to the end of this one: a previous build's part reused unchanged */
  copyRange(from: number, a: number, b: number): void {
    this.flush();
    const buffer = Buffer.alloc(Math.min(1 << 22, Math.max(1, b - a)));
    for (let at = a; at < b; ) {
      const n = readSync(from, buffer, 0, Math.min(buffer.length, b - at), at);
      if (n <= 0) throw new Error('copied range is truncated');
      writeSync(this.fd, buffer, 0, n);
      at += n;
    }
    this.bytes += b - a;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    closeSync(this.fd);
  }
}
