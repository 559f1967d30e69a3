//! The `contextlib` module: contextmanager, suppress, closing, nullcontext,
//! ExitStack, redirect_stdout/stderr. Written in Python, run once at import.

use crate::vm::value::Value;
use crate::vm::Vm;

#[cfg(not(spindle_external_stdlib))] // wasm: the source is in pkg/stdlib.bin
pub(crate) const SOURCE: &str = r#"
import sys

class _GeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None
    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        else:
            if value is None:
                value = typ()
            try:
                self.gen.throw(value)
            except StopIteration as exc:
                return exc is not value
            except RuntimeError as exc:
                if exc is value:
                    exc.__traceback__ = traceback
                    return False
                if isinstance(value, StopIteration) and exc.__cause__ is value:
                    return False
                raise
            except BaseException as exc:
                if exc is not value:
                    raise
                return False
            raise RuntimeError("generator didn't stop after throw()")

class _AsyncGeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
    async def __aenter__(self):
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None
    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        else:
            if value is None:
                value = typ()
            try:
                await self.gen.athrow(value)
            except StopAsyncIteration as exc:
                return exc is not value
            except BaseException as exc:
                if exc is not value:
                    raise
                return False
            raise RuntimeError("generator didn't stop after athrow()")

def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    helper.__name__ = getattr(func, '__name__', 'helper')
    helper.__doc__ = getattr(func, '__doc__', None)
    helper.__wrapped__ = func
    return helper

def asynccontextmanager(func):
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    helper.__name__ = getattr(func, '__name__', 'helper')
    helper.__wrapped__ = func
    return helper

class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions
    def __enter__(self):
        pass
    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return
        return issubclass(exctype, self._exceptions)

class closing:
    def __init__(self, thing):
        self.thing = thing
    def __enter__(self):
        return self.thing
    def __exit__(self, *exc_info):
        self.thing.close()

class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result
    def __enter__(self):
        return self.enter_result
    def __exit__(self, *excinfo):
        pass
    async def __aenter__(self):
        return self.enter_result
    async def __aexit__(self, *excinfo):
        pass

class _RedirectStream:
    _stream = None
    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []
    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target
    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())

class redirect_stdout(_RedirectStream):
    _stream = "stdout"

class redirect_stderr(_RedirectStream):
    _stream = "stderr"

class ExitStack:
    def __init__(self):
        self._exit_callbacks = []
    def __enter__(self):
        return self
    def enter_context(self, cm):
        result = type(cm).__enter__(cm)
        self._exit_callbacks.append((True, cm))
        return result
    def push(self, exit):
        self._exit_callbacks.append((True, exit))
        return exit
    def callback(self, callback, /, *args, **kwds):
        self._exit_callbacks.append((False, lambda: callback(*args, **kwds)))
        return callback
    def pop_all(self):
        new = ExitStack()
        new._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new
    def close(self):
        self.__exit__(None, None, None)
    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed = False
        pending = None
        while self._exit_callbacks:
            is_cm, cb = self._exit_callbacks.pop()
            try:
                if is_cm:
                    details = exc_details if pending is None else (type(pending), pending, None)
                    if hasattr(cb, '__exit__'):
                        r = type(cb).__exit__(cb, *details)
                    else:
                        r = cb(*details)
                    if r:
                        suppressed = True
                        pending = None
                        exc_details = (None, None, None)
                else:
                    cb()
            except BaseException as e:
                pending = e
        if pending is not None:
            raise pending
        return received_exc and suppressed
"#;

pub fn make(vm: &mut Vm) -> Value {
    super::pymods::module_from_source(vm, "contextlib")
}
