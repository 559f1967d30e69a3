# Built-in exception hierarchy: issubclass checks, catching by base class, __mro__ names.
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError),
    (IndexError, LookupError), (LookupError, Exception), (FileNotFoundError, OSError),
    (UnboundLocalError, NameError), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (ModuleNotFoundError, ImportError), (UnicodeDecodeError, ValueError), (StopIteration, Exception),
    (KeyboardInterrupt, Exception), (KeyboardInterrupt, BaseException), (SystemExit, Exception),
    (GeneratorExit, Exception), (Exception, BaseException), (TypeError, ValueError), (bool, int),
    (IndentationError, SyntaxError), (TabError, IndentationError), (AssertionError, Exception),
    (StopAsyncIteration, Exception), (BrokenPipeError, ConnectionError), (TimeoutError, OSError),
]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in KeyError.__mro__])
for exc in [KeyError("k"), IndexError(), ZeroDivisionError(), OverflowError()]:
    try:
        raise exc
    except LookupError:
        print("LookupError caught", type(exc).__name__)
    except ArithmeticError:
        print("ArithmeticError caught", type(exc).__name__)
try:
    raise NotImplementedError("todo")
except RuntimeError as e:
    print("as RuntimeError:", type(e).__name__, e)
print(IOError is OSError, EnvironmentError is OSError)
