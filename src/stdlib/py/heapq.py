"""Heap queue (priority queue) algorithms on plain lists.

A heap is a list where heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2] for
every k that has children, so heap[0] is always the smallest item.
heappush/heappop keep that invariant; heapify establishes it in linear time.
The layouts produced are the same as CPython's.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def heappush(heap, item):
    """Push item onto heap, keeping the heap invariant."""
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop and return the smallest item of the heap, keeping the invariant."""
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (one operation).

    The returned value may be larger than item. IndexError if heap is empty.
    """
    if not heap:
        raise IndexError("index out of range")
    smallest = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Push item, then pop and return the smallest item (one operation)."""
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Turn list x into a heap, in place, in linear time."""
    n = len(x)
    # Only the first half has children; sift each of them, last first.
    for i in range(n // 2 - 1, -1, -1):
        _siftup(x, i)


def _heappop_max(heap):
    """Max-heap version of heappop."""
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        largest = heap[0]
        heap[0] = last
        _siftup_max(heap, 0)
        return largest
    return last


def _heapreplace_max(heap, item):
    """Max-heap version of heapreplace."""
    if not heap:
        raise IndexError("index out of range")
    largest = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return largest


def _heapify_max(x):
    """Max-heap version of heapify."""
    n = len(x)
    for i in range(n // 2 - 1, -1, -1):
        _siftup_max(x, i)


def _siftdown(heap, startpos, pos):
    # The item at pos may be smaller than its parents: move it up towards
    # startpos, shifting larger parents down into the hole.
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    # Move the item at pos down to a leaf, always following the smaller
    # child, then bubble it back up to its place (fewer comparisons than
    # stopping early; same results as CPython).
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator (lazily).

    Like sorted(itertools.chain(*iterables)) when every input is sorted;
    equal items come out in the order of their inputs.
    key and reverse work as in sorted().
    """
    if reverse:
        _heapify_fn = _heapify_max
        _pop_fn = _heappop_max
        _replace_fn = _heapreplace_max
        direction = -1
    else:
        _heapify_fn = heapify
        _pop_fn = heappop
        _replace_fn = heapreplace
        direction = 1

    # Heap entries are [sort value, input number * direction, (item,) next]
    # so that ties are broken by input order and items are never compared.
    h = []
    if key is None:
        for order, it in zip(range(len(iterables)), map(iter, iterables)):
            nxt = it.__next__
            try:
                h.append([nxt(), order * direction, nxt])
            except StopIteration:
                pass
        _heapify_fn(h)
        while len(h) > 1:
            try:
                while True:
                    entry = h[0]
                    value, order, nxt = entry
                    yield value
                    entry[0] = nxt()
                    _replace_fn(h, entry)
            except StopIteration:
                _pop_fn(h)
        if h:
            value, order, nxt = h[0]
            yield value
            for value in _rest(nxt):
                yield value
        return

    for order, it in zip(range(len(iterables)), map(iter, iterables)):
        nxt = it.__next__
        try:
            value = nxt()
            h.append([key(value), order * direction, value, nxt])
        except StopIteration:
            pass
    _heapify_fn(h)
    while len(h) > 1:
        try:
            while True:
                entry = h[0]
                k, order, value, nxt = entry
                yield value
                value = nxt()
                entry[0] = key(value)
                entry[2] = value
                _replace_fn(h, entry)
        except StopIteration:
            _pop_fn(h)
    if h:
        k, order, value, nxt = h[0]
        yield value
        for value in _rest(nxt):
            yield value


def _rest(nxt):
    # The remaining items of the last input.
    while True:
        try:
            value = nxt()
        except StopIteration:
            return
        yield value


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable, smallest first.

    Same result as sorted(iterable, key=key)[:n].
    """
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        if key is None:
            result = min(it, default=sentinel)
        else:
            result = min(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]

    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]

    if n <= 0:
        return []

    # Keep a max-heap of the n best so far; entries carry their arrival
    # number so equal items keep their order and are never compared.
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(n), it)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for elem in it:
            if elem < top:
                _heapreplace_max(result, (elem, order))
                top = result[0][0]
                order += 1
        result.sort()
        return [elem for elem, order in result]

    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [elem for k, order, elem in result]


def nlargest(n, iterable, key=None):
    """The n largest items of iterable, largest first.

    Same result as sorted(iterable, key=key, reverse=True)[:n].
    """
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        if key is None:
            result = max(it, default=sentinel)
        else:
            result = max(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]

    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]

    if n <= 0:
        return []

    # A min-heap of the n best so far; arrival numbers count down so that,
    # among equal items, the earlier one wins, as in a stable reverse sort.
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for elem in it:
            if top < elem:
                heapreplace(result, (elem, order))
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)
        return [elem for elem, order in result]

    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [elem for k, order, elem in result]
