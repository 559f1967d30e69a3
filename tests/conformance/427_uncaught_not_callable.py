# Uncaught TypeError: calling a non-callable object.
handlers = {"a": 5}
def dispatch(name):
    return handlers[name]()
dispatch("a")
