import { expect } from '@open-wc/testing';
import { createGraphQLClient, HelhedApiError } from './graphql-client.js';
import { operation } from './testing/operation.js';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch double answering with `response` and remembering each call. */
function fakeFetch(response: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (url: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    return response();
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/graphql-response+json' },
  });

async function rejection(promise: Promise<unknown>): Promise<HelhedApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HelhedApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const query = 'query Plan($id: ID!) { plan(id: $id) { id } }';
const plan = operation<{ plan: { id: string } }, { id: string }>(query);
const ok = operation<{ ok: boolean }>('{ ok }');

describe('createGraphQLClient', () => {
  it('takes only typed operations: a bare string with hand-written types does not compile', async () => {
    const { calls, fetch } = fakeFetch(() => json({ data: { ok: true } }));
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });
    // @ts-expect-error a string carries no answer type (docs/widgets.md, "Typed operations")
    await client.request<{ ok: boolean }, Record<string, never>>('{ ok }', {});
    // The typed form sends the same text.
    await client.request(ok, {});
    expect(calls.map((c) => JSON.parse(String(c.init.body)).query)).to.deep.equal(['{ ok }', '{ ok }']);
  });

  it('POSTs the query and variables as JSON with the bearer token and returns data', async () => {
    const { calls, fetch } = fakeFetch(() => json({ data: { plan: { id: 'p1' } } }));
    const client = createGraphQLClient({ endpoint: '/graphql', token: 'abc', fetch });
    const data = await client.request(plan, { id: 'p1' });
    expect(data).to.deep.equal({ plan: { id: 'p1' } });
    const [call] = calls;
    expect(call?.url).to.equal('/graphql');
    expect(call?.init.method).to.equal('POST');
    const headers = call?.init.headers as Record<string, string>;
    expect(headers.authorization).to.equal('Bearer abc');
    expect(headers['content-type']).to.equal('application/json');
    expect(JSON.parse(String(call?.init.body))).to.deep.equal({ query, variables: { id: 'p1' } });
  });

  it('awaits the token provider before every request', async () => {
    const { calls, fetch } = fakeFetch(() => json({ data: { ok: true } }));
    let issued = 0;
    const tokenProvider = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      issued++;
      return `token-${issued}`;
    };
    const client = createGraphQLClient({ endpoint: '/graphql', token: 'ignored', tokenProvider, fetch });
    await client.request(ok, {});
    await client.request(ok, {});
    const auth = calls.map((c) => (c.init.headers as Record<string, string>).authorization);
    expect(auth).to.deep.equal(['Bearer token-1', 'Bearer token-2']);
  });

  it('sends no Authorization header without a token', async () => {
    const { calls, fetch } = fakeFetch(() => json({ data: { ok: true } }));
    await createGraphQLClient({ endpoint: '/graphql', fetch }).request(ok, {});
    expect(calls[0]?.init.headers).not.to.have.property('authorization');
  });

  it('maps a GraphQL error to its extensions.code and keeps partial data', async () => {
    const { fetch } = fakeFetch(() =>
      json({
        data: { plan: null },
        errors: [
          { message: 'Not allowed', path: ['plan'], extensions: { code: 'FORBIDDEN' } },
          { message: 'Second', extensions: { code: 'NOT_FOUND' } },
        ],
      }),
    );
    const error = await rejection(
      createGraphQLClient({ endpoint: '/graphql', fetch }).request(plan, { id: 'x' }),
    );
    expect(error.code).to.equal('FORBIDDEN');
    expect(error.message).to.equal('Not allowed');
    expect(error.errors).to.have.length(2);
    expect(error.data).to.deep.equal({ plan: null });
  });

  it('maps GraphQL errors carried by an HTTP error status', async () => {
    const { fetch } = fakeFetch(() =>
      json({ errors: [{ message: 'Bad token', extensions: { code: 'UNAUTHENTICATED' } }] }, 401),
    );
    const error = await rejection(createGraphQLClient({ endpoint: '/graphql', fetch }).request(ok, {}));
    expect(error.code).to.equal('UNAUTHENTICATED');
    expect(error.status).to.equal(401);
  });

  it('maps an HTTP failure without a GraphQL body to HTTP_<status>', async () => {
    const { fetch } = fakeFetch(() => new Response('<h1>Forbidden</h1>', { status: 403 }));
    const error = await rejection(createGraphQLClient({ endpoint: '/graphql', fetch }).request(ok, {}));
    expect(error.code).to.equal('HTTP_403');
    expect(error.status).to.equal(403);
  });

  it('maps a failed fetch to NETWORK', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await rejection(createGraphQLClient({ endpoint: '/graphql', fetch }).request(ok, {}));
    expect(error.code).to.equal('NETWORK');
    expect(error.cause).to.be.instanceOf(TypeError);
  });

  it('maps a failing token provider to UNAUTHENTICATED without calling the server', async () => {
    const { calls, fetch } = fakeFetch(() => json({ data: { ok: true } }));
    const tokenProvider = () => Promise.reject(new Error('session expired'));
    const error = await rejection(
      createGraphQLClient({ endpoint: '/graphql', tokenProvider, fetch }).request(ok, {}),
    );
    expect(error.code).to.equal('UNAUTHENTICATED');
    expect(calls).to.have.length(0);
  });

  it('rejects a 200 response that is not a GraphQL result', async () => {
    const { fetch } = fakeFetch(() => new Response('<html></html>', { status: 200 }));
    const error = await rejection(createGraphQLClient({ endpoint: '/graphql', fetch }).request(ok, {}));
    expect(error.code).to.equal('BAD_RESPONSE');
  });

  it('passes the abort signal and rethrows the abort as is', async () => {
    const controller = new AbortController();
    const { calls, fetch } = fakeFetch(() => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    });
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });
    let caught: unknown;
    await client.request(ok, {}, { signal: controller.signal }).catch((e: unknown) => {
      caught = e;
    });
    expect(calls[0]?.init.signal).to.equal(controller.signal);
    expect((caught as DOMException).name).to.equal('AbortError');
  });
});
