// The baseline: a raw Express JSON echo, in its own process like the real server.
import express from 'express';

const app = express();
app.use(express.json());
app.post('/echo', (req, res) => {
  res.json({ result: { data: req.body as unknown } });
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
});
