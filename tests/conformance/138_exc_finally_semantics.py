# finally: overrides return, runs on break/continue, sees exceptions, and nested finally ordering.
def order():
    log = []
    try:
        try:
            log.append("t1")
            raise ValueError
        finally:
            log.append("f1")
    except ValueError:
        log.append("e")
    finally:
        log.append("f2")
    return log
print(order())
def ret_override():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "loop ended"
print(ret_override())
def finally_value():
    x = 1
    try:
        return x
    finally:
        x = 2
print(finally_value())
def mutate():
    lst = [1]
    try:
        return lst
    finally:
        lst.append(2)
print(mutate())
def break_in_finally():
    for i in range(5):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(break_in_finally())
def generator_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in generator_finally():
    print("got", v)
    break
print("after break")
def deep():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(deep())
