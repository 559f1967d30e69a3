try:
    format(1, '1000000000000')
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    f'{1:>1000000000000}'
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    '%*d' % (10**12, 1)
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    '%1000000000000d' % 1
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    '%.1000000000000f' % 1.0
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    format(1.5, '.1000000000000f')
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    print(len(format(1 / 3, '.70000e')), len('%.70000f' % 1.5))
except (MemoryError, ValueError, OverflowError) as e:
    print(type(e).__name__, e)
