# Deadlock: two threads take two locks in opposite order, so each holds one and
# waits forever for the other. Timeouts let them give up; one global order fixes it.
import threading

locks = {1: threading.Lock(), 2: threading.Lock()}

def worker(name, first, second, timeout, both_hold):
    with locks[first]:
        if both_hold:
            both_hold.wait()    # make the bad timing certain: each holds one lock
        if locks[second].acquire(timeout=timeout):
            print(f"{name}: holds lock {first} and lock {second}, does its work")
            locks[second].release()
        else:
            print(f"deadlock: {name} holds lock {first} and waits for lock "
                  f"{second}; gives up after {timeout} s")
        if both_hold:
            both_hold.wait()    # keep holding lock {first} until the other is done

def run(order_a, order_b, both_hold=None):
    a = threading.Thread(target=worker, args=("Thread-A", *order_a, 0.5, both_hold))
    b = threading.Thread(target=worker, args=("Thread-B", *order_b, 1.0, both_hold))
    a.start()
    b.start()
    a.join()
    b.join()

print("Opposite order: A takes lock 1 then 2, B takes lock 2 then 1")
run((1, 2), (2, 1), threading.Barrier(2))
print("Fixed with one global order: both take lock 1, then lock 2")
run((1, 2), (1, 2))
