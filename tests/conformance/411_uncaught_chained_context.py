# Uncaught exception raised while handling another: "During handling of the above exception..."
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError(f"could not parse {s!r}")
print(parse("12"))
print(parse("twelve"))
