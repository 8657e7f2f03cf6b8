/** The Fastify hello-world that HTTP figures are measured against, in the same run. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
app.post('/hello', async () => ({ allowed: true, reason: 'hello world' }));
app.put('/hello/:id', async () => ({}));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
