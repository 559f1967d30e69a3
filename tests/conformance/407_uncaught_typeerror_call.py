# Uncaught TypeError for a call with a missing argument, raised two frames deep.
def greet(greeting, name):
    return f"{greeting}, {name}"
def run():
    print(greet("hi", "bob"))
    print(greet("hello"))
run()
