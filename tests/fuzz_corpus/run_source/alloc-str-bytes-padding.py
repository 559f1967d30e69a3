try:
    'a'.center(1 << 62)
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    'a'.ljust(1 << 62, 'é')
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    'a'.rjust(1 << 62)
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    '1'.zfill(1 << 62)
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    '\t'.expandtabs(1 << 62)
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    b'a'.center(1 << 62)
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    b'a'.ljust(1 << 62)
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    b'a'.rjust(1 << 62)
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    b'1'.zfill(1 << 62)
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    b'\t'.expandtabs(1 << 62)
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
