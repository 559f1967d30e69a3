# try/except/else/finally ordering, return in try vs finally, break/continue through finally.
def f(x):
    log = []
    try:
        log.append("try")
        if x == 1:
            raise ValueError("one")
        if x == 2:
            return log + ["return-in-try"]
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
for x in range(3):
    print(f(x))
def g():
    try:
        return "try"
    finally:
        print("finally runs before return value is used")
print(g())
def h():
    try:
        return "try"
    finally:
        return "finally wins"
print(h())
def swallow():
    try:
        raise KeyError("lost")
    finally:
        return "finally return swallows exception"
print(swallow())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def counter():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("loop finally", n)
print(counter())
try:
    try:
        raise TypeError("inner")
    finally:
        print("inner finally")
except TypeError as e:
    print("outer caught", e)
def multi(v):
    try:
        return {"a": 1}[v] / v
    except (KeyError, TypeError) as e:
        return f"{type(e).__name__}: {e}"
print(multi("a"), multi("b"))
