# Uncaught: an exception raised in a finally block replaces the original (shown as context).
def work():
    try:
        raise KeyError("first")
    finally:
        print("cleanup")
        raise OSError("cleanup failed")
work()
