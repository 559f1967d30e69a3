# Uncaught exception raised "from None": the context is suppressed in the traceback.
def first(seq):
    try:
        return seq[0]
    except IndexError:
        raise ValueError("empty sequence") from None
print(first([5]))
first([])
