# Uncaught exception with add_note(): notes are printed after the message line.
def validate(age):
    if age < 0:
        err = ValueError(f"invalid age {age}")
        err.add_note("ages must be non-negative")
        err.add_note("check the input file")
        raise err
validate(5)
validate(-1)
