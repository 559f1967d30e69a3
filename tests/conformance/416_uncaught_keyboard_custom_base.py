# Uncaught exception derived from a user class hierarchy, with multiple args (str shows a tuple).
class AppError(Exception):
    pass
class DbError(AppError):
    pass
print("connecting")
raise DbError("timeout", 30)
