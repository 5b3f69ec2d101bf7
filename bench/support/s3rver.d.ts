// The parts of @20minutes/s3rver (no types of its own) that s3-test-server.ts uses.
declare module '@20minutes/s3rver' {
  import type { IncomingMessage } from 'node:http';
  type Middleware = (
    ctx: { req: IncomingMessage; path: string },
    next: () => Promise<unknown>,
  ) => unknown;
  export default class S3rver {
    constructor(options: {
      address?: string;
      port?: number;
      silent?: boolean;
      directory?: string;
      configureBuckets?: { name: string }[];
    });
    middleware: Middleware[];
    run(): Promise<unknown>;
    close(): Promise<void>;
  }
}

declare module '@20minutes/s3rver/lib/signature/v4.js' {
  interface CanonicalRequest {
    uri: string;
    headers: Record<string, unknown>;
  }
  const v4: {
    getStringToSign: (canonicalRequest: CanonicalRequest, signature: unknown) => string;
  };
  export default v4;
}
