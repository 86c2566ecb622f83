/**
 * A network switch for offline tests, in front of the real API (Koa middleware for
 * @web/test-runner). POST /__test/network {"mode": "up" | "down" | "lose-answers"}: `down` drops
 * the widget's GraphQL requests before they arrive, `lose-answers` lets the API store them and
 * then drops the answer. The tests' own checks carry an `x-helhed-test` header and always get
 * through. Used by every widget whose ratings go through kit's offline queue.
 */
export function networkSwitch() {
  const network = { mode: 'up' };
  return async (ctx, next) => {
    if (ctx.path === '/__test/network') {
      const body = await new Promise((resolve) => {
        let text = '';
        ctx.req.on('data', (chunk) => {
          text += chunk;
        });
        ctx.req.on('end', () => resolve(text));
      });
      network.mode = JSON.parse(body || '{}').mode ?? 'up';
      ctx.body = { mode: network.mode };
      return;
    }
    if (ctx.path !== '/graphql' || network.mode === 'up' || ctx.get('x-helhed-test')) return next();
    if (network.mode === 'down') {
      // A status keeps the dev server from reporting the dropped request as a 404.
      ctx.status = 503;
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    // lose-answers: the API does its work, then the connection breaks before the answer is sent.
    const res = ctx.res;
    res.writeHead = (status) => {
      res.statusCode = status;
      return res;
    };
    res.write = () => true;
    res.end = () => {
      res.socket?.destroy();
      return res;
    };
    return next();
  };
}
