# Uncaught exception thrown into a generator with throw(): generator frame shows the yield line.
def worker():
    while True:
        item = yield
        print("processing", item)
w = worker()
next(w)
w.send("job1")
w.throw(TimeoutError("took too long"))
