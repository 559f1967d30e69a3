try:
    x = 1 << (1 << 62)
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    (1).to_bytes(1 << 62, 'big')
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    (1).to_bytes(-1, 'big')
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
