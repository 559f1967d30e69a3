# input() with no stdin data raises EOFError (prompt is still printed); caught here.
try:
    s = input("prompt> ")
    print("got", s)
except EOFError as e:
    print()
    print("EOFError", e.args)
print("after")
