# Pipe between processes: send/recv of objects, send_bytes/recv_bytes, poll with
# a timeout, one-way pipes, EOFError once every writer copy is closed.
from multiprocessing import Process, Pipe

def child(conn):
    conn.send({"numbers": [1, 2, 3], "t": (1.5, None)})
    conn.send_bytes(b"raw bytes")
    conn.send_bytes(b"0123456789", 2, 3)
    msg = conn.recv()
    conn.send(("echo", msg))
    conn.close()

parent, child_end = Pipe()
p = Process(target=child, args=(child_end,))
p.start()
child_end.close()
print(parent.recv())
print(parent.recv_bytes())
print(parent.recv_bytes())
parent.send("hello child")
print(parent.poll(5), parent.recv())
try:
    parent.recv()
except EOFError:
    print("EOFError after the child closed its end")
p.join()
print("exitcode", p.exitcode)

def writer(w, n):
    for i in range(n):
        w.send(i * 10)
    # no close(): the end closes when the process exits

r, w = Pipe(duplex=False)
print(r.readable, r.writable, w.readable, w.writable)
p = Process(target=writer, args=(w, 4))
p.start()
w.close()
got = []
while True:
    try:
        got.append(r.recv())
    except EOFError:
        break
p.join()
print("received", got)
e1, e2 = Pipe()
print("poll on empty", e1.poll(0.01), e2.poll())
try:
    r.send(1)
except OSError as e:
    print("OSError", e)
r.close()
print(r.closed)
try:
    r.recv()
except OSError as e:
    print("OSError", e)
a, b = Pipe()
b.close()
try:
    a.send("x")
except BrokenPipeError as e:
    print("BrokenPipeError", e)
with Pipe()[0] as c:
    pass
print(c.closed)
