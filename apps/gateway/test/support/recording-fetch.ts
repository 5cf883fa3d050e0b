/** A fetch that records every request a client library sends (path and JSON body), then sends it. */
export interface SentRequest {
  path: string;
  /** The parsed JSON body; a FormData or other body as it was given; undefined when there is none. */
  body: any;
}

export function recordingFetch(): { fetch: typeof fetch; sent: SentRequest[]; last(pathSuffix: string): SentRequest['body'] } {
  const sent: SentRequest[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = init?.body;
    sent.push({ path: url.pathname, body: typeof body === 'string' ? JSON.parse(body) : body });
    return fetch(input, init);
  };
  const last = (pathSuffix: string) => {
    const hit = [...sent].reverse().find((s) => s.path.endsWith(pathSuffix));
    if (!hit) throw new Error(`no request to …${pathSuffix} was sent`);
    return hit.body;
  };
  return { fetch: recording, sent, last };
}
