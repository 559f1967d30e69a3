try:
    list(range(1 << 40))
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    tuple(range(1 << 40))
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    set(range(1 << 40))
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    sorted(range(1 << 40))
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
