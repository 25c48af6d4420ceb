/** Connections sending GET requests with the token back to back for `seconds`: the requests per second. */
export async function fetchLoad(url: string, token: string, seconds: number, connections = 8): Promise<number> {
  const end = Date.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (Date.now() < end) {
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      done++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: connections }, worker));
  return done / ((Date.now() - started) / 1000);
}
