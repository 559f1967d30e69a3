# Tasks finish in the order of their sleep times, not their start order.
import asyncio

order = []


async def worker(name, delay):
    await asyncio.sleep(delay)
    order.append(name)
    return name.upper()


async def main():
    results = await asyncio.gather(
        worker("slow", 0.15),
        worker("fast", 0.03),
        worker("medium", 0.08),
        worker("instant", 0),
    )
    print("results in argument order:", results)
    print("finish order:", order)

    # sleep(0) just yields: tasks take turns.
    log = []

    async def stepper(tag):
        for i in range(3):
            log.append(f"{tag}{i}")
            await asyncio.sleep(0)

    await asyncio.gather(stepper("a"), stepper("b"), stepper("c"))
    print(" ".join(log))
    print(await asyncio.sleep(0.001, result="slept"))
    print(await asyncio.sleep(0, "zero"))


asyncio.run(main())
