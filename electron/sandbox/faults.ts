const ENDPOINTS = ['stable_token', 'token', 'getwxacode', 'getwxacodeunlimit', 'createwxaqrcode'] as const;

/** The WeChat endpoints the sandbox answers, by the names stats and fault plans use. */
export type Endpoint = (typeof ENDPOINTS)[number];

/** What can go wrong between the app and WeChat, beyond WeChat's own refusals. */
export type Fault =
  | { kind: 'errcode'; errcode: number }
  | { kind: 'reset' }
  | { kind: 'stall'; ms: number }
  | { kind: 'truncate' }
  | { kind: 'html' };

const DEFAULT_ERRCODE = -1;
const DEFAULT_STALL_MS = 2000;

interface Queued {
  endpoint: Endpoint | '*';
  fault: Fault;
  times: number;
}

interface RandomFaults {
  endpoint: Endpoint | '*';
  rate: number;
  kinds: Fault[];
  next: () => number;
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class BadPlan extends Error {}

type Fields = Record<string, unknown>;

function fields(value: unknown, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadPlan(`${what} must be an object`);
  return value as Fields;
}

function endpointOf(value: unknown): Endpoint | '*' {
  if (value === undefined || value === '*') return '*';
  if (ENDPOINTS.includes(value as Endpoint)) return value as Endpoint;
  throw new BadPlan(`endpoint must be '*' or one of ${ENDPOINTS.join(', ')}`);
}

function faultOf(spec: Fields): Fault {
  switch (spec.kind) {
    case 'errcode': {
      const errcode = spec.errcode ?? DEFAULT_ERRCODE;
      if (!Number.isInteger(errcode)) throw new BadPlan('errcode must be an integer');
      return { kind: 'errcode', errcode: errcode as number };
    }
    case 'stall': {
      const ms = spec.ms ?? DEFAULT_STALL_MS;
      if (typeof ms !== 'number' || !(ms >= 0)) throw new BadPlan('ms must be a number ≥ 0');
      return { kind: 'stall', ms };
    }
    case 'reset':
    case 'truncate':
    case 'html':
      return { kind: spec.kind };
    default:
      throw new BadPlan('kind must be one of errcode, reset, stall, truncate, html');
  }
}

/** Faults arranged through /__sandbox/faults: a queue for the next calls, then optional random ones. */
export class FaultPlan {
  private queue: Queued[] = [];
  private random: RandomFaults | undefined;

  /** Adds faults from a control request; returns what is wrong with it, if anything. */
  arrange(body: unknown): string | undefined {
    try {
      const plan = fields(body, 'the body');
      const queued: Queued[] = [];
      if (plan.faults !== undefined) {
        if (!Array.isArray(plan.faults)) throw new BadPlan('faults must be an array');
        for (const item of plan.faults) {
          const spec = fields(item, 'each fault');
          const times = spec.times ?? 1;
          if (!Number.isInteger(times) || (times as number) < 1)
            throw new BadPlan('times must be an integer ≥ 1');
          queued.push({ endpoint: endpointOf(spec.endpoint), fault: faultOf(spec), times: times as number });
        }
      }
      let random: RandomFaults | undefined;
      if (plan.rate !== undefined) {
        const { rate, seed, kinds } = plan;
        if (typeof rate !== 'number' || rate < 0 || rate > 1)
          throw new BadPlan('rate must be between 0 and 1');
        if (!Number.isInteger(seed)) throw new BadPlan('seed must be an integer');
        if (!Array.isArray(kinds) || kinds.length === 0) throw new BadPlan('kinds must be a non-empty array');
        random = {
          endpoint: endpointOf(plan.endpoint),
          rate,
          // A kind is a name ("reset") or a fault with its parameters ({"kind":"stall","ms":500}).
          kinds: kinds.map((k) => faultOf(typeof k === 'string' ? { kind: k } : fields(k, 'each kind'))),
          next: seededRandom(seed as number),
        };
      }
      if (queued.length === 0 && random === undefined)
        throw new BadPlan('give faults, or rate + seed + kinds');
      this.queue.push(...queued);
      if (random) this.random = random;
      return undefined;
    } catch (error) {
      if (error instanceof BadPlan) return error.message;
      throw error;
    }
  }

  clear(): void {
    this.queue = [];
    this.random = undefined;
  }

  /** The fault, if any, that the next call to `endpoint` meets. */
  next(endpoint: Endpoint): Fault | undefined {
    const index = this.queue.findIndex((q) => q.endpoint === '*' || q.endpoint === endpoint);
    const queued = this.queue[index];
    if (queued) {
      queued.times--;
      if (queued.times === 0) this.queue.splice(index, 1);
      return queued.fault;
    }
    const random = this.random;
    if (!random || (random.endpoint !== '*' && random.endpoint !== endpoint)) return undefined;
    if (random.next() >= random.rate) return undefined;
    return random.kinds[Math.floor(random.next() * random.kinds.length)];
  }
}
