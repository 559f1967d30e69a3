# Program: an event bus with decorators registering handlers, closures capturing state, and error isolation.
class Bus:
    def __init__(self):
        self.handlers = {}
    def on(self, event):
        def deco(fn):
            self.handlers.setdefault(event, []).append(fn)
            return fn
        return deco
    def emit(self, event, *args, **kw):
        results = []
        for h in self.handlers.get(event, []):
            try:
                results.append(h(*args, **kw))
            except Exception as e:
                results.append(f"{h.__name__} failed: {type(e).__name__}: {e}")
        return results
bus = Bus()
totals = {"clicks": 0}
@bus.on("click")
def count_click(x, y):
    totals["clicks"] += 1
    return f"click at {x},{y}"
@bus.on("click")
def bad_handler(x, y):
    return 1 / (x - y)
@bus.on("key")
def on_key(key, *, shift=False):
    return key.upper() if shift else key
def make_logger(prefix):
    log = []
    def handler(*args, **kw):
        log.append((prefix, args, kw))
        return len(log)
    handler.log = log
    return handler
logger = make_logger("LOG")
bus.on("click")(logger)
bus.on("key")(logger)
print(bus.emit("click", 1, 2))
print(bus.emit("click", 3, 3))
print(bus.emit("key", "a", shift=True), bus.emit("key", "b"), bus.emit("none"))
print(totals, logger.log)
