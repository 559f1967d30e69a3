# raise SystemExit with a string message at the end of main(): message on stderr, status 1.
def main():
    print("working")
    raise SystemExit("stopped by request")
main()
