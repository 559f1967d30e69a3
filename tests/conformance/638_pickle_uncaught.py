# An uncaught PicklingError prints as _pickle.PicklingError, as in CPython.
import pickle

class Bad:
    def __reduce__(self):
        return 42

print(pickle.dumps([1, 2]))
pickle.dumps({'key': Bad()})
