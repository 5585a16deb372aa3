"""A TCP proxy that holds every chunk DELAY_MS before passing it on, each way: a database that many milliseconds away.

    python3 bench/latency-proxy.py LISTEN_PORT TARGET_PORT DELAY_MS

Used by bench/migrate-bench.sh when LATENCY_MS is set, so that what a goal costs against a remote database (a release
pipeline's production, a Supabase project in another region) shows in round trips. Each chunk keeps its order.
"""
import asyncio
import sys

LISTEN, TARGET, DELAY = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) / 1000


async def forward(reader, writer):
    loop = asyncio.get_running_loop()
    pending = []

    async def deliver(data, due):
        await asyncio.sleep(max(0.0, due - loop.time()))
        writer.write(data)

    try:
        while data := await reader.read(65536):
            pending.append(loop.create_task(deliver(data, loop.time() + DELAY)))
        await asyncio.gather(*pending)
    finally:
        writer.close()


async def handle(client_reader, client_writer):
    server_reader, server_writer = await asyncio.open_connection("127.0.0.1", TARGET)
    await asyncio.gather(forward(client_reader, server_writer), forward(server_reader, client_writer),
                         return_exceptions=True)


async def main():
    async with await asyncio.start_server(handle, "127.0.0.1", LISTEN) as server:
        await server.serve_forever()


asyncio.run(main())
