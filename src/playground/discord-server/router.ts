export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteMatch<H> {
  /** The route template, e.g. `/interactions/:interactionId/:token/callback`. */
  template: string;
  params: Record<string, string>;
  handler: H;
}

interface RouteEntry<H> {
  method: HttpMethod;
  template: string;
  segments: string[];
  literalCount: number;
  handler: H;
}

/** Splits a path into decoded segments; `@original` arrives as `%40original`. */
export function pathSegments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** A tiny path-template router; the most specific template (most literal segments) wins. */
export class Router<H> {
  readonly #routes: RouteEntry<H>[] = [];

  add(method: HttpMethod, template: string, handler: H): this {
    const segments = pathSegments(template);
    this.#routes.push({
      method,
      template,
      segments,
      literalCount: segments.filter((s) => !s.startsWith(':')).length,
      handler,
    });
    return this;
  }

  match(method: string, path: string): RouteMatch<H> | null {
    const segments = pathSegments(path);
    let best: { entry: RouteEntry<H>; params: Record<string, string> } | null = null;
    for (const entry of this.#routes) {
      if (entry.method !== method || entry.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = entry.segments.every((templateSegment, i) => {
        const actual = segments[i] ?? '';
        if (templateSegment.startsWith(':')) {
          params[templateSegment.slice(1)] = actual;
          return true;
        }
        return templateSegment === actual;
      });
      if (ok && (best === null || entry.literalCount > best.entry.literalCount)) best = { entry, params };
    }
    return best ? { template: best.entry.template, params: best.params, handler: best.entry.handler } : null;
  }
}
