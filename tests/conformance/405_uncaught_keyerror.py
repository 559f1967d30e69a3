# Uncaught KeyError from a dict lookup inside a function (message is the key's repr).
def lookup(d, k):
    return d[k]
config = {"host": "localhost"}
print(lookup(config, "host"))
print(lookup(config, "port"))
